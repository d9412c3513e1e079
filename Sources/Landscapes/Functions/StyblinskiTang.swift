import OptimizerCore

/// The Styblinski–Tang function: f(x) = ½ Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ).
///
/// Four basins in 2-D (2ⁿ in n), the deepest at xᵢ ≈ −2.903534 for every i,
/// the root of 4x³ − 32x + 5 = 0; f* ≈ −39.166166·n. Shown on [-5, 5]ⁿ.
struct StyblinskiTang: ScalableLandscape {
  static let name = "styblinski-tang"
  static let title = "Styblinski-Tang"
  /// The root of 4x³ − 32x + 5 = 0 near −2.9: every coordinate of x*.
  static let minimizerCoordinate = -2.903534027771177
  /// ½ (x⁴ − 16x² + 5x) at that root: f* per dimension.
  static let minimumPerDimension = -39.166165703771415
  let dimension: Int

  init(dimension: Int) {
    precondition(dimension >= 1, "styblinski-tang needs dimension ≥ 1")
    self.dimension = dimension
  }

  var formula: String { "½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ)" }
  var domain: Domain { .cube(-5, 5, dimension: dimension) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(
      value: Self.minimumPerDimension * Double(dimension),
      minimizers: [Vector(repeating: Self.minimizerCoordinate, dimension: dimension)])
  }

  func value(at x: Vector) -> Double {
    var sum = 0.0
    for i in x.components.indices {
      let xi = x.components[i]
      let square = xi * xi
      sum += square * square - 16 * square + 5 * xi
    }
    return sum / 2
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 2.5.
  func gradient(at x: Vector) -> Vector {
    x.map { 2 * $0 * $0 * $0 - 16 * $0 + 2.5 }
  }
}
