import Engine
import OptimizerCore
import Testing

/// Step-back restores the exact previous state, and stepping forward again
/// reproduces the same states.
@Suite struct HistoryTests {
  func snapshot(_ session: Session) -> [[UInt64]] { session.runs.map { fingerprint($0.optimizer.particles) } }

  @Test(arguments: ["pso", "simulated-annealing", "spsa"])
  func stepBackThenForwardReproducesTheSameStates(optimizer: String) throws {
    var session = try Session(
      landscape: .named("himmelblau"),
      runs: [RunSetup(OptimizerConfiguration(optimizer)), RunSetup(OptimizerConfiguration("adam"))], seed: 9)
    var states: [[[UInt64]]] = []
    var evaluations: [[Int]] = []
    for _ in 0..<30 {
      session.stepForward()
      states.append(snapshot(session))
      evaluations.append(session.runs.map(\.evaluations))
    }
    for back in 1...10 {
      let undone = session.stepBack()
      #expect(undone == .iteration)
      #expect(session.step == 30 - back)
      #expect(snapshot(session) == states[29 - back])
      #expect(session.runs.map(\.evaluations) == evaluations[29 - back])
    }
    for forward in 0..<10 {
      session.stepForward()
      #expect(snapshot(session) == states[20 + forward])
    }
    #expect(session.traces[0]?.count == 30)
  }

  @Test func historyIsBoundedByItsDepth() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("random-search"))], seed: 1,
      historyDepth: 1000)
    for _ in 0..<1500 { session.stepForward() }
    // The depth, and fewer than a keyframe's worth of steps more: the
    // oldest keyframe goes with the marks that need it.
    let kept = session.stepsBack
    #expect((1000..<1008).contains(kept))
    var backs = 0
    while session.stepBack() != nil { backs += 1 }
    #expect(backs == kept)
    #expect(session.step == 1500 - kept)
  }

  @Test func stepBackUndoesALiveChange() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("adam"))], seed: 1)
    session.stepForward()
    let lr = session.runs[0].optimizer.hyperparameters["lr"]
    try session.apply(.setHyperparameter(run: 0, name: "lr", value: lr / 2))
    #expect(session.runs[0].optimizer.hyperparameters["lr"] == lr / 2)
    let undone = session.stepBack()
    #expect(undone == .command)
    #expect(session.runs[0].optimizer.hyperparameters["lr"] == lr)
    #expect(session.step == 1)
    #expect(session.stepBack() == .iteration)
    #expect(session.stepBack() == nil)
  }

  @Test func aResetLeavesNothingToUndo() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("adam"))], seed: 1)
    for _ in 0..<3 { session.stepForward() }
    try session.apply(.removeRun(0))
    try session.apply(.reset(seed: 2))
    #expect(session.stepBack() == nil)
    #expect(session.runs.isEmpty)
  }
}
