import OptimizerCore
import RealModule

/// McCormick's function: f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1.
///
/// A tilted valley with a wave along it. f* = −√3/2 − π/3 ≈ −1.9133 at
/// (½ − π/3, −½ − π/3) ≈ (−0.54719, −1.54719). Shown on [-1.5, 4] × [-3, 4].
struct McCormick: PlanarLandscape {
  static let name = "mccormick"
  static let title = "McCormick"

  var formula: String { "sin(x + y) + (x − y)² − 1.5x + 2.5y + 1" }
  var domain: Domain { Domain(axes: [Axis(-1.5, 4), Axis(-3, 4)]) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(
      value: -Double(3).squareRoot() / 2 - .pi / 3,
      minimizers: [[0.5 - .pi / 3, -0.5 - .pi / 3]])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let d = x - y
    return Double.sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (cos(x + y) + 2(x − y) − 1.5, cos(x + y) − 2(x − y) + 2.5).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let c = Double.cos(x + y)
    return [c + 2 * (x - y) - 1.5, c - 2 * (x - y) + 2.5]
  }
}
