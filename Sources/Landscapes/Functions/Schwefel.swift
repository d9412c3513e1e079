import OptimizerCore
import RealModule

/// Schwefel's function: f(x) = 418.9829·n − Σᵢ xᵢ sin √|xᵢ|.
///
/// Deceptive: the best basin lies near a corner, far from the second best.
/// The minimizer has xᵢ ≈ 420.9687 for every i; the constant 418.9829 leaves
/// f* ≈ 1.27·10⁻⁵ per dimension rather than 0. Shown on [-500, 500]ⁿ.
struct Schwefel: ScalableLandscape {
  static let name = "schwefel"
  static let title = "Schwefel"
  /// The root of sin √x + ½ √x cos √x = 0 near 420.97: every coordinate of x*.
  static let minimizerCoordinate = 420.968746359982
  /// 418.9829 − x sin √x at that root: f* per dimension.
  static let minimumPerDimension = 1.2727566293725214e-05
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "schwefel needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String {
    dimension == 2 ? "418.9829·2 − x sin √|x| − y sin √|y|" : "418.9829·n − Σ xᵢ sin √|xᵢ|"
  }

  var domain: Domain { .cube(-500, 500, dimension: dimension) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(
      value: Self.minimumPerDimension * Double(dimension),
      minimizers: [Vector(repeating: Self.minimizerCoordinate, dimension: dimension)])
  }

  func value(at x: Vector) -> Double {
    var sum = 418.9829 * Double(x.components.count)
    for i in x.components.indices {
      let xi = x.components[i]
      sum -= xi * Double.sin(xi.magnitude.squareRoot())
    }
    return sum
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = −(sin s + ½ s cos s) with s = √|xᵢ| (the same for either sign).
  func gradient(at x: Vector) -> Vector {
    x.map {
      let s = $0.magnitude.squareRoot()
      return -(Double.sin(s) + s * Double.cos(s) / 2)
    }
  }
}
