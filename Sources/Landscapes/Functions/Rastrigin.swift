import OptimizerCore
import RealModule

/// Rastrigin's egg crate: f(x) = 10n + Σᵢ (xᵢ² − 10 cos 2πxᵢ).
///
/// A bowl under a regular grid of local minima. f* = 0 at the origin; shown
/// on [-5.12, 5.12]ⁿ.
struct Rastrigin: ScalableLandscape {
  static let name = "rastrigin"
  static let title = "Rastrigin"
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "rastrigin needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String {
    dimension == 2 ? "20 + Σ (xᵢ² − 10 cos 2πxᵢ)" : "10n + Σ (xᵢ² − 10 cos 2πxᵢ)"
  }

  var domain: Domain { .cube(-5.12, 5.12, dimension: dimension) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [.zeros(dimension)]) }

  func value(at x: Vector) -> Double {
    var sum = 10 * Double(x.components.count)
    for i in x.components.indices {
      let xi = x.components[i]
      sum += xi * xi - 10 * Double.cos(2 * .pi * xi)
    }
    return sum
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = 2xᵢ + 20π sin 2πxᵢ.
  func gradient(at x: Vector) -> Vector {
    x.map { 2 * $0 + 20 * .pi * Double.sin(2 * .pi * $0) }
  }
}
