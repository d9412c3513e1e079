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

  /// A descent, or a gravity swarm of descents, that runs the spsa2 source
  /// keeps H̄ as the spsa2 preset does, and is refused past the same limit.
  @Test func theSpsa2SourceAsAPartKeepsTheMatrixLimit() throws {
    let wide = Domain.cube(-1, 1, dimension: Limits.squareMatrixDimension + 1)
    for name in ["descent", "gd", "gravity-swarm"] {
      let choice = OptimizerChoice(name, parts: OptimizerChoice.Parts(gradient: "spsa2"))
      do {
        _ = try choice.configuration(on: wide)
        Issue.record("\(name) with the spsa2 source was accepted on \(wide.dimension) axes")
      } catch {
        #expect(error.description.contains("takes at most \(Limits.squareMatrixDimension) dimensions (it keeps an n×n matrix)"))
        #expect(error.description.contains("spsa2"))
      }
      let entry = try OptimizerRegistry.entry(named: name)
      #expect(entry.maximumDimension(for: OptimizerKind(name: name, parts: DescentParts(gradient: "spsa2", update: "sgd"))) == Limits.squareMatrixDimension)
    }
    // The same descent with a source that keeps no matrix takes the wide domain.
    #expect(throws: Never.self) {
      try OptimizerChoice("descent", parts: OptimizerChoice.Parts(gradient: "spsa")).configuration(on: wide)
    }
    let plane = Domain.cube(-1, 1, dimension: Limits.squareMatrixDimension)
    #expect(throws: Never.self) {
      try OptimizerChoice("descent", parts: OptimizerChoice.Parts(gradient: "spsa2")).configuration(on: plane)
    }
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
