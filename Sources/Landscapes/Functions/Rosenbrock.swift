import OptimizerCore

/// Rosenbrock's banana valley: f(x) = Σᵢ₌₁ⁿ⁻¹ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
///
/// The valley is easy to find and slow to follow. f* = 0 at (1, …, 1). In one
/// dimension, where the sum has no pair, f(x) = (1 − x)², so that the form
/// keeps its minimizer. Shown on [-2, 2] for x₁ and [-1, 3] for every later
/// axis.
struct Rosenbrock: ScalableLandscape {
  static let name = "rosenbrock"
  static let title = "Rosenbrock"
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "rosenbrock needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String {
    switch dimension {
    case 1: "(1 − x)²"
    case 2: "(1 − x)² + 100 (y − x²)²"
    default: "Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²"
    }
  }

  var domain: Domain {
    Domain(axes: [Axis(-2, 2)] + Array(repeating: Axis(-1, 3), count: dimension - 1))
  }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(value: 0, minimizers: [Vector(repeating: 1, dimension: dimension)])
  }

  func value(at x: Vector) -> Double {
    let n = x.components.count
    guard n > 1 else {
      let d = 1 - x.components[0]
      return d * d
    }
    var sum = 0.0
    for i in 0..<n - 1 {
      let xi = x.components[i]
      let valley = x.components[i + 1] - xi * xi
      let offset = 1 - xi
      sum += 100 * valley * valley + offset * offset
    }
    return sum
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = −400 xᵢ (xᵢ₊₁ − xᵢ²) − 2 (1 − xᵢ) + 200 (xᵢ − xᵢ₋₁²), each
  /// term present where its neighbour exists.
  func gradient(at x: Vector) -> Vector {
    let n = x.dimension
    var g = Vector.zeros(n)
    guard n > 1 else {
      g[0] = -2 * (1 - x[0])
      return g
    }
    for i in 0..<n - 1 {
      let valley = x[i + 1] - x[i] * x[i]
      g[i] += -400 * x[i] * valley - 2 * (1 - x[i])
      g[i + 1] += 200 * valley
    }
    return g
  }
}
