import OptimizerCore
import RealModule

/// Griewank's function: f(x) = 1 + Σᵢ xᵢ² / 4000 − Πᵢ cos(xᵢ / √i).
///
/// Seen from afar a bowl, up close a field of ripples. f* = 0 at the origin;
/// shown on [-600, 600]ⁿ.
struct Griewank: ScalableLandscape {
  static let name = "griewank"
  static let title = "Griewank"
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "griewank needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String {
    dimension == 2 ? "1 + (x² + y²)/4000 − cos x · cos(y/√2)" : "1 + Σ xᵢ²/4000 − Π cos(xᵢ/√i)"
  }

  var domain: Domain { .cube(-600, 600, dimension: dimension) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [.zeros(dimension)]) }

  func value(at x: Vector) -> Double {
    var squares = 0.0
    var product = 1.0
    for i in x.components.indices {
      let xi = x.components[i]
      squares += xi * xi
      product *= Double.cos(xi / Double(i + 1).squareRoot())
    }
    return 1 + squares / 4000 - product
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = xᵢ / 2000 + sin(xᵢ/√i) / √i · Πⱼ≠ᵢ cos(xⱼ/√j), the product
  /// over the other axes taken from prefix and suffix products (no division,
  /// so a zero cosine does no harm).
  func gradient(at x: Vector) -> Vector {
    let n = x.dimension
    var g = Vector.zeros(n)
    var prefix = 1.0
    for i in 0..<n {
      g[i] = prefix
      prefix *= Double.cos(x[i] / Double(i + 1).squareRoot())
    }
    var suffix = 1.0
    for i in (0..<n).reversed() {
      let root = Double(i + 1).squareRoot()
      let others = g[i] * suffix
      g[i] = x[i] / 2000 + Double.sin(x[i] / root) / root * others
      suffix *= Double.cos(x[i] / root)
    }
    return g
  }
}
