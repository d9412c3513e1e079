import OptimizerCore
import RealModule

/// Easom's function: f(x, y) = −cos x cos y exp(−((x − π)² + (y − π)²)).
///
/// A needle in a flat plain: f* = −1 at (π, π), and f ≈ 0 almost everywhere
/// else. Shown on [-100, 100]².
struct Easom: PlanarLandscape {
  static let name = "easom"
  static let title = "Easom"

  var formula: String { "−cos x cos y exp(−((x−π)² + (y−π)²))" }
  var domain: Domain { .cube(-100, 100, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: -1, minimizers: [[.pi, .pi]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let dx = x - .pi, dy = y - .pi
    return -Double.cos(x) * Double.cos(y) * Double.exp(-(dx * dx + dy * dy))
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = E (cos y (sin x + 2(x − π) cos x), cos x (sin y + 2(y − π) cos y))
  /// with E = exp(−((x − π)² + (y − π)²)).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let dx = x - .pi, dy = y - .pi
    let envelope = Double.exp(-(dx * dx + dy * dy))
    let cosX = Double.cos(x), cosY = Double.cos(y)
    return [
      envelope * cosY * (Double.sin(x) + 2 * dx * cosX),
      envelope * cosX * (Double.sin(y) + 2 * dy * cosY),
    ]
  }
}
