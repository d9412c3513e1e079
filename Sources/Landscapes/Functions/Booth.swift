import OptimizerCore

/// Booth's function: f(x, y) = (x + 2y − 7)² + (2x + y − 5)².
///
/// A tilted quadratic bowl; f* = 0 at (1, 3). Shown on [-10, 10]².
struct Booth: PlanarLandscape {
  static let name = "booth"
  static let title = "Booth"

  var formula: String { "(x + 2y − 7)² + (2x + y − 5)²" }
  var domain: Domain { .cube(-10, 10, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[1, 3]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let a = x + 2 * y - 7
    let b = 2 * x + y - 5
    return a * a + b * b
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (2a + 4b, 4a + 2b) with a = x + 2y − 7, b = 2x + y − 5.
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let a = x + 2 * y - 7
    let b = 2 * x + y - 5
    return [2 * a + 4 * b, 4 * a + 2 * b]
  }
}
