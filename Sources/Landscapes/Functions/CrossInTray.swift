import OptimizerCore
import RealModule

/// The cross-in-tray: f(x, y) = −0.0001 (|sin x sin y exp(|100 − √(x² + y²)/π|)| + 1)^0.1.
///
/// Four symmetric global minima, f* ≈ −2.062612 at ≈(±1.34941, ±1.34941).
/// Shown on [-10, 10]².
struct CrossInTray: PlanarLandscape {
  static let name = "cross-in-tray"
  static let title = "Cross-in-tray"
  /// |x| = |y| at each of the four minimizers.
  static let minimizerCoordinate = 1.3494066171539108

  var formula: String { "−0.0001 (|sin x sin y exp(|100 − √(x²+y²)/π|)| + 1)^0.1" }
  var domain: Domain { .cube(-10, 10, dimension: 2) }

  var knownMinimum: KnownMinimum? {
    let c = Self.minimizerCoordinate
    return KnownMinimum(value: -2.062611870822737, minimizers: [[c, c], [c, -c], [-c, c], [-c, -c]])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let radius = (x * x + y * y).squareRoot()
    let envelope = Double.exp((100 - radius / .pi).magnitude)
    return -0.0001 * Double.pow((Double.sin(x) * Double.sin(y) * envelope).magnitude + 1, 0.1)
  }
}
