import OptimizerCore
import RealModule

/// The eggholder: f(x, y) = −(y + 47) sin √|x/2 + y + 47| − x sin √|x − (y + 47)|.
///
/// Rugged, with the global minimum on the domain's edge: f* ≈ −959.640663 at
/// (512, ≈404.2318). Shown on [-512, 512]².
struct Eggholder: PlanarLandscape {
  static let name = "eggholder"
  static let title = "Eggholder"

  var formula: String { "−(y+47) sin √|x/2 + y + 47| − x sin √|x − (y+47)|" }
  var domain: Domain { .cube(-512, 512, dimension: 2) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(value: -959.6406627208508, minimizers: [[512, 404.2318051137578]])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let shifted = y + 47
    return -shifted * Double.sin((x / 2 + shifted).magnitude.squareRoot())
      - x * Double.sin((x - shifted).magnitude.squareRoot())
  }
}
