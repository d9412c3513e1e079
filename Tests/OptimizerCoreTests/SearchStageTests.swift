import OptimizerCore
import Testing

/// Stochastic three points, random search and accelerated random search
/// take their step apart: their last stage lands bit for bit where the
/// step lands, and asking for the stages changes nothing.
@Suite struct SearchStageTests {
  func landed(_ stage: InspectionStage?) -> Vector? {
    for case .vector("x′", let x) in stage?.values ?? [] { return x }
    return nil
  }

  @Test(arguments: [
    ("stp", ["direction", "compare", "move"]), ("random-search", ["sample", "compare", "move"]),
    ("accelerated-random-search", ["sample", "compare"]),
  ])
  func lastStageLandsOnTheStep(name: String, leading: [String]) throws {
    var trial = try OptimizerTrial(name, on: .rosenbrock)
    var lastNames: Set<String> = []
    for _ in 0..<40 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let dump = stateDump(trial.optimizer)
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      #expect(stateDump(trial.optimizer) == dump, "asking for the stages changes nothing")
      #expect(Array(stages.map(\.name).prefix(leading.count)) == leading)
      trial.step()
      let x = try #require(landed(stages.last))
      #expect(x.components.map(\.bitPattern) == trial.optimizer.particles[0].position.components.map(\.bitPattern))
      lastNames.insert(stages.last?.name ?? "")
    }
    if name == "accelerated-random-search" {
      #expect(lastNames == ["shrink box", "reset box"], "forty steps shrank the box and reset it")
    }
  }

  @Test func acceleratedSearchShowsTheRadiusItLeaves() throws {
    var trial = try OptimizerTrial("accelerated-random-search", on: .rosenbrock)
    for _ in 0..<20 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      trial.step()
      var scale: Double?
      for case .number("s′", let value) in stages.last?.values ?? [] { scale = value }
      let radius = try #require(trial.optimizer.inspect().readout("radius")).value
      #expect(radius == (try #require(scale)) * 4 / 2, "r = s·w/2 on the 4-wide test box")
    }
  }
}
