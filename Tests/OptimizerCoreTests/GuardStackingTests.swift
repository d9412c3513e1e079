import OptimizerCore
import Testing

/// Step guards stack in the order given, each judging the move the one
/// before it left, and sharing what was evaluated.
@Suite struct GuardStackingTests {
  /// Multi-LR then undo: undo judges the multi-LR choice, which is never
  /// worse than staying, so it refuses nothing and evaluates nothing new.
  @Test func undoAfterMultiLRReusesItsEvaluations() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd", guards: ["multi-lr", "undo"]),
      settings: [("lr", 0.5)], on: .shiftedSphere)
    trial.step()
    var moves = 0
    for _ in 0..<100 {
      let evaluations = trial.evaluator.evaluations
      let before = trial.optimizer.particles[0].position
      trial.step()
      let tried = trial.optimizer.inspect().overlays.compactMap { overlay -> [Vector]? in
        if case .marks(let points, role: .candidate) = overlay { return points }
        return nil
      }.first ?? []
      let moved = trial.optimizer.particles[0].position != before
      if moved { moves += 1 }
      #expect(trial.evaluator.evaluations - evaluations == 1 + tried.count, "undo evaluated again")
      let rejections = trial.evaluator.events.filter { $0.kind == .reject }.count
      #expect(rejections == tried.count - (moved ? 1 : 0), "undo refused the multi-LR choice")
    }
    #expect(moves > 10)
  }

  /// Curvature then undo never climbs: undo judges the Newton step. Undo
  /// then curvature does climb on Rosenbrock, where the parabola along a
  /// line misjudges the valley: the order matters.
  @Test func laterGuardsJudgeEarlierOnes() throws {
    for (guards, mayClimb) in [(["curvature", "undo"], false), (["undo", "curvature"], true)] {
      var trial = try OptimizerTrial(
        "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd", guards: guards), on: .rosenbrock)
      trial.step()
      var climbs = 0
      for _ in 0..<300 {
        let before = trial.landscape.exactLoss(at: trial.optimizer.particles[0].position)
        trial.step()
        if trial.landscape.exactLoss(at: trial.optimizer.particles[0].position) > before { climbs += 1 }
      }
      #expect((climbs > 0) == mayClimb, "\(guards): \(climbs) climbs")
    }
  }
}
