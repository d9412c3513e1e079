import OptimizerCore
import Testing

/// What a run may cost in memory is bounded where its recipe is checked.
@Suite struct SizeLimitTests {
  @Test func aMatrixMethodIsRefusedPastItsDimensionAndOthersAreNot() throws {
    let wide = Domain.cube(-1, 1, dimension: Limits.squareMatrixDimension + 1)
    for name in OptimizerRegistry.entries.filter(\.descriptor.keepsSquareMatrix).map(\.name) {
      #expect(throws: ConfigurationError.dimension(
        .tooManyDimensions(optimizer: name, dimension: wide.dimension, limit: Limits.squareMatrixDimension))
      ) { try OptimizerChoice(name).configuration(on: wide) }
    }
    #expect(OptimizerRegistry.entries.filter(\.descriptor.keepsSquareMatrix).map(\.name).sorted() == ["cma-es", "nelder-mead", "spsa2", "xnes"])
    #expect(throws: Never.self) { try OptimizerChoice("pso").configuration(on: wide) }
  }

  /// 10⁸ coordinates in all: at n = 10⁶ a swarm has at most 100 particles.
  @Test func aPopulationsRangeEndsWhereItsPointsWouldPassTheLimit() throws {
    let huge = Domain.cube(-1, 1, dimension: Limits.dimension)
    let hyperparameters = try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: "pso"), domain: huge)
    #expect(hyperparameters.spec(named: "particles")?.range == 1...100)
    do {
      _ = try OptimizerChoice("pso", settings: [HyperparameterSetting("particles", "101")]).configuration(on: huge)
      Issue.record("101 particles of 10^6 coordinates were accepted")
    } catch {
      #expect(error.description == "pso: particles = 101 is out of range; valid range is [1, 100] (particles × dimension may be at most 100000000)")
    }
    // In the plane the declared range stands, and its message says nothing of dimensions.
    let plane = try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: "pso"), domain: .cube(-1, 1, dimension: 2))
    #expect(plane.spec(named: "particles")?.range == 1...10_000)
    #expect(plane.spec(named: "particles")?.problem(with: 20_000)?.contains("dimension") == false)
  }
}
