import Landscapes
import OptimizerCore
import Testing

@Suite struct AnalyticGradientsMatchDifferencesTests {
  /// Every catalog landscape with an exact gradient, in 2-D and, for the
  /// n-dimensional forms, also in 1, 3 and 7 dimensions.
  static let cases: [GradientCase] =
    LandscapeCatalog.entries.flatMap { entry in
      (entry.hasNDimensionalForm ? [1, 2, 3, 7] : [2]).map { GradientCase(name: entry.name, dimension: $0) }
    }

  struct GradientCase: Sendable, CustomTestStringConvertible {
    var name: String
    var dimension: Int
    var testDescription: String { "\(name) in \(dimension)-D" }
  }

  @Test func theSimpleFunctionsHaveExactGradients() throws {
    let expected = [
      "sphere", "rosenbrock", "rastrigin", "ackley", "himmelblau", "beale", "booth", "goldstein-price",
      "styblinski-tang", "three-hump-camel", "matyas", "six-hump-camel", "griewank", "levi13", "mccormick",
      "easom", "schwefel",
    ]
    let analytic = try LandscapeCatalog.names.filter { try LandscapeCatalog.make($0).hasAnalyticGradient }
    #expect(Set(analytic) == Set(expected))
  }

  /// 25 points uniform in the domain and 25 within 5 % of its width around
  /// the first minimizer, where the interesting curvature is (Easom is flat
  /// almost everywhere else).
  @Test(arguments: cases)
  func gradientMatchesCentralDifferences(_ gradientCase: GradientCase) throws {
    let landscape = try LandscapeCatalog.make(gradientCase.name, dimension: gradientCase.dimension)
    guard landscape.hasAnalyticGradient else { return }
    let domain = landscape.domain
    let center = try #require(landscape.knownMinimum?.minimizers.first)
    var rng = SeededGenerator(seed: 2024, stream: UInt64(gradientCase.dimension))
    for index in 0..<50 {
      var x = domain.randomPoint(using: &rng)
      if index >= 25 {
        for i in 0..<x.dimension {
          x[i] = center[i] + 0.05 * domain.axes[i].width * rng.uniform(in: -1...1)
        }
        domain.project(&x)
      }
      let exact = landscape.gradient(at: x)
      let estimate = landscape.centralDifferenceGradient(at: x)
      let scale = max(1, estimate.components.map(abs).max()!)
      let error = (exact - estimate).components.map(abs).max()!
      #expect(error <= 1e-5 * scale, "∇f\(x) = \(exact), differences give \(estimate)")
    }
  }
}
