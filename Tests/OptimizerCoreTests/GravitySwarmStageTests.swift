import OptimizerCore
import Testing

/// The gravity swarm takes one member's step apart: its pull, its
/// descent's stages, then the death and respawn check, which lands where
/// the member stands after the step.
@Suite struct GravitySwarmStageTests {
  func value(_ symbol: String, in stage: InspectionStage?) -> StageValue? {
    stage?.values.first { $0.symbol == symbol }
  }

  @Test func followedMemberLandsWhereTheStepLeavesIt() throws {
    var trial = try OptimizerTrial("gravity-swarm", on: .rosenbrock)
    var verdicts: Set<String> = []
    for step in 0..<40 {
      let followed = step % 8
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let dump = stateDump(trial.optimizer)
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: followed)
      #expect(stateDump(trial.optimizer) == dump, "asking for the stages changes nothing")
      #expect(stages.first?.name == "pull" && stages.last?.name == "death check")
      #expect(stages.dropFirst().first?.name == "estimate" && stages.dropLast().last?.name == "move")
      trial.step()
      let position = trial.optimizer.particles[followed].position
      guard case .vector(_, let landed)? = value("x′", in: stages.last),
        case .fact(_, let verdict)? = value("verdict", in: stages.last),
        case .vector(_, let moved)? = value("x′", in: stages.dropLast().last)
      else {
        Issue.record("the last stages show x′ and the verdict")
        continue
      }
      verdicts.insert(verdict)
      #expect(landed.components.map(\.bitPattern) == position.components.map(\.bitPattern))
      if verdict == "lives" { #expect(moved == position, "a member that lives stays where its descent moved it") }
    }
    #expect(verdicts == ["lives", "died, reborn"], "forty steps saw a member live and one die")
  }
}
