import OptimizerCore

/// Bukin's function N.6: f(x, y) = 100 √|y − 0.01x²| + 0.01 |x + 10|.
///
/// A narrow, non-smooth ridge along y = 0.01x²; f* = 0 at (−10, 1). Shown on
/// [-15, -5] × [-3, 3].
struct Bukin6: PlanarLandscape {
  static let name = "bukin6"
  static let title = "Bukin N.6"

  var formula: String { "100 √|y − 0.01x²| + 0.01 |x + 10|" }
  var domain: Domain { Domain(axes: [Axis(-15, -5), Axis(-3, 3)]) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[-10, 1]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    return 100 * (y - 0.01 * (x * x)).magnitude.squareRoot() + 0.01 * (x + 10).magnitude
  }
}
