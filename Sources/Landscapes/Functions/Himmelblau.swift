import OptimizerCore

/// Himmelblau's function: f(x, y) = (x² + y − 11)² + (x + y² − 7)².
///
/// Four equal minima, f* = 0: at (3, 2) exactly and at three points known
/// only numerically. Shown on [-5, 5]².
struct Himmelblau: PlanarLandscape {
  static let name = "himmelblau"
  static let title = "Himmelblau"

  var formula: String { "(x² + y − 11)² + (x + y² − 7)²" }
  var domain: Domain { .cube(-5, 5, dimension: 2) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(
      value: 0,
      minimizers: [
        [3, 2],
        [-2.805118086952745, 3.131312518250573],
        [-3.779310253377747, -3.283185991286169],
        [3.5844283403304917, -1.8481265269644036],
      ])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let a = x * x + y - 11
    let b = x + y * y - 7
    return a * a + b * b
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (4x a + 2b, 2a + 4y b) with a = x² + y − 11, b = x + y² − 7.
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let a = x * x + y - 11
    let b = x + y * y - 7
    return [4 * x * a + 2 * b, 2 * a + 4 * y * b]
  }
}
