import OptimizerCore

/// The sphere: f(x) = Σᵢ xᵢ², the round bowl every method should solve.
///
/// f* = 0 at the origin; shown on [-5.12, 5.12]ⁿ.
struct Sphere: ScalableLandscape {
  static let name = "sphere"
  static let title = "Sphere"
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "sphere needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String { dimension == 2 ? "x² + y²" : "Σ xᵢ²" }
  var domain: Domain { .cube(-5.12, 5.12, dimension: dimension) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [.zeros(dimension)]) }

  func value(at x: Vector) -> Double {
    var sum = 0.0
    for i in x.components.indices { sum += x.components[i] * x.components[i] }
    return sum
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = 2x.
  func gradient(at x: Vector) -> Vector { 2 * x }
}
