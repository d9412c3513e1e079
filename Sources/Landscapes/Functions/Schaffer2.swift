import OptimizerCore
import RealModule

/// Schaffer's function N.2: f(x, y) = 0.5 + (sin²(x² − y²) − 0.5) / (1 + 0.001(x² + y²))².
///
/// Concentric ripples that fade outward; f* = 0 at the origin. Shown on
/// [-100, 100]².
struct Schaffer2: PlanarLandscape {
  static let name = "schaffer2"
  static let title = "Schaffer N.2"

  var formula: String { "0.5 + (sin²(x² − y²) − 0.5) / (1 + 0.001(x² + y²))²" }
  var domain: Domain { .cube(-100, 100, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[0, 0]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let x2 = x * x, y2 = y * y
    let s = Double.sin(x2 - y2)
    let damping = 1 + 0.001 * (x2 + y2)
    return 0.5 + (s * s - 0.5) / (damping * damping)
  }
}
