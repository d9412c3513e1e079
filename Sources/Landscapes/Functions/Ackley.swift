import OptimizerCore
import RealModule

/// Ackley's function: f(x) = −20 exp(−0.2 √(Σ xᵢ² / n)) − exp(Σ cos 2πxᵢ / n) + e + 20.
///
/// A nearly flat, dimpled plain around one deep funnel. f* = 0 at the origin
/// (a cone point, where the gradient is taken as 0); shown on [-5, 5]ⁿ.
struct Ackley: ScalableLandscape {
  static let name = "ackley"
  static let title = "Ackley"
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "ackley needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String {
    dimension == 2
      ? "−20 exp(−0.2 √(½(x²+y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20"
      : "−20 exp(−0.2 √(Σ xᵢ² / n)) − exp(Σ cos 2πxᵢ / n) + e + 20"
  }

  var domain: Domain { .cube(-5, 5, dimension: dimension) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [.zeros(dimension)]) }

  func value(at x: Vector) -> Double {
    var squares = 0.0
    var cosines = 0.0
    for i in x.components.indices {
      let xi = x.components[i]
      squares += xi * xi
      cosines += Double.cos(2 * .pi * xi)
    }
    let n = Double(x.components.count)
    let radius = (squares / n).squareRoot()
    return 20 + 2.718281828459045 - 20 * Double.exp(-0.2 * radius) - Double.exp(cosines / n)
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = 4 exp(−0.2 r) xᵢ / (n r) + (2π / n) exp(Σ cos 2πxⱼ / n) sin 2πxᵢ,
  /// with r = √(Σ xⱼ² / n); the first term is 0 at r = 0.
  func gradient(at x: Vector) -> Vector {
    let n = Double(x.dimension)
    var squares = 0.0
    var cosines = 0.0
    for xi in x.components {
      squares += xi * xi
      cosines += Double.cos(2 * .pi * xi)
    }
    let radius = (squares / n).squareRoot()
    let funnel = radius > 0 ? 4 * Double.exp(-0.2 * radius) / (n * radius) : 0
    let ripple = 2 * .pi / n * Double.exp(cosines / n)
    return x.map { funnel * $0 + ripple * Double.sin(2 * .pi * $0) }
  }
}
