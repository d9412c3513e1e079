import OptimizerCore

/// Matyas's function: f(x, y) = 0.26(x² + y²) − 0.48xy.
///
/// A long, nearly flat diagonal trough; f* = 0 at the origin. Shown on
/// [-10, 10]².
struct Matyas: PlanarLandscape {
  static let name = "matyas"
  static let title = "Matyas"

  var formula: String { "0.26(x² + y²) − 0.48xy" }
  var domain: Domain { .cube(-10, 10, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[0, 0]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    return 0.26 * (x * x + y * y) - 0.48 * x * y
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (0.52x − 0.48y, 0.52y − 0.48x).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    return [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x]
  }
}
