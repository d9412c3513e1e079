import OptimizerCore
import RealModule

/// Hölder's table: f(x, y) = −|sin x cos y exp(|1 − √(x² + y²)/π|)|.
///
/// Four global minima in the corners, f* ≈ −19.2085 at ≈(±8.05502, ±9.66459).
/// Shown on [-10, 10]².
struct HolderTable: PlanarLandscape {
  static let name = "holder-table"
  static let title = "Holder table"

  var formula: String { "−|sin x cos y exp(|1 − √(x²+y²)/π|)|" }
  var domain: Domain { .cube(-10, 10, dimension: 2) }

  var knownMinimum: KnownMinimum? {
    let x = 8.055023475736563, y = 9.664590019241273
    return KnownMinimum(value: -19.208502567886732, minimizers: [[x, y], [x, -y], [-x, y], [-x, -y]])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let radius = (x * x + y * y).squareRoot()
    return -(Double.sin(x) * Double.cos(y) * Double.exp((1 - radius / .pi).magnitude)).magnitude
  }
}
