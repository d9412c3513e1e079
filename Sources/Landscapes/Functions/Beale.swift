import OptimizerCore

/// Beale's function: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
///
/// A flat cross with steep corners; f* = 0 at (3, 0.5). Shown on [-4.5, 4.5]².
struct Beale: PlanarLandscape {
  static let name = "beale"
  static let title = "Beale"

  var formula: String { "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²" }
  var domain: Domain { .cube(-4.5, 4.5, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[3, 0.5]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let y2 = y * y
    let a = 1.5 - x + x * y
    let b = 2.25 - x + x * y2
    let c = 2.625 - x + x * y2 * y
    return a * a + b * b + c * c
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (2a(y − 1) + 2b(y² − 1) + 2c(y³ − 1), 2a x + 4b xy + 6c xy²) with
  /// a, b, c the three bracketed terms.
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let y2 = y * y
    let a = 1.5 - x + x * y
    let b = 2.25 - x + x * y2
    let c = 2.625 - x + x * y2 * y
    return [
      2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y2 * y - 1),
      2 * a * x + 4 * b * x * y + 6 * c * x * y2,
    ]
  }
}
