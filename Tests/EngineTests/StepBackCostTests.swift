import Engine
import OptimizerCore
import Testing

/// A step back costs the same however long the session has run: undoing
/// once copied every run's whole trace (1000 steps back after 200 000
/// steps took seconds).
@Suite struct StepBackCostTests {
  @Test func aThousandStepsBackAfterALongRunAreQuick() throws {
    let setup = RunSetup(OptimizerConfiguration("random-search"))
    var session = try Session(landscape: .named("sphere"), runs: [setup, setup], seed: 1, historyDepth: 1000)
    for _ in 0..<200_000 { session.stepForward() }
    let elapsed = ContinuousClock().measure { for _ in 0..<1000 { session.stepBack() } }
    #expect(session.step == 199_000)
    #expect(session.traces[0]?.count == 199_000)
    #expect(elapsed < .seconds(1), "1000 steps back took \(elapsed)")
  }
}
