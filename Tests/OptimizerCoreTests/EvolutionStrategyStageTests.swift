import OptimizerCore
import Testing

/// The classic evolution strategy takes a generation apart: sample, rank,
/// select, adapt σ, with the parents and σ the generation really leaves.
@Suite struct EvolutionStrategyStageTests {
  @Test(arguments: [0.0, 1.0]) func selectionAndSigmaAreTheGenerations(selection: Double) throws {
    var trial = try OptimizerTrial("evolution-strategy", settings: [("selection", selection)], on: .rosenbrock)
    for _ in 0..<6 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let dump = stateDump(trial.optimizer)
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      #expect(stateDump(trial.optimizer) == dump, "asking for the stages changes nothing")
      #expect(stages.map(\.name) == ["sample", "rank", "select", "adapt σ"])
      trial.step()
      var best: Vector?, sigma: Double?, rate: Double?, successes: Double?
      for case .vector("x′", let value) in stages[2].values { best = value }
      for case .number("σ′", let value) in stages[3].values { sigma = value }
      for case .number("p", let value) in stages[3].values { rate = value }
      for case .number("successes", let value) in stages[1].values { successes = value }
      let parents = trial.optimizer.particles.filter { $0.tag == "parent" }
      #expect(try #require(best).components.map(\.bitPattern) == parents[0].position.components.map(\.bitPattern))
      let inspection = trial.optimizer.inspect()
      #expect(inspection.readout("sigma")?.value.bitPattern == sigma?.bitPattern)
      #expect(inspection.readout("success-rate")?.value == rate)
      #expect(try #require(successes) / 20 == rate, "p = successes/λ with λ = 20")
    }
  }
}
