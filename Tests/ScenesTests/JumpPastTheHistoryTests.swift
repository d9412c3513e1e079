import Engine
import OptimizerCore
import Scenes
import Testing

/// When the history's byte budget keeps only the last few steps of a big
/// swarm, going to an earlier step replays from the start and lands on
/// exactly the state a fresh replay reaches.
@Suite struct JumpPastTheHistoryTests {
  static let scene = Scene(
    title: "a big swarm", landscape: .named("rastrigin"), seed: 5,
    runs: [RunSetup(OptimizerConfiguration("pso", settings: [("particles", 4000)]))], steps: 30,
    events: [SceneEvent(step: 10, .setHyperparameter(run: 0, name: "c1", value: 0.5))])

  /// Every coordinate and loss of every particle, bit for bit.
  static func state(_ player: ScenePlayer) -> [[UInt64]] {
    player.session.runs[0].optimizer.particles.map { [$0.loss.bitPattern] + $0.position.components.map(\.bitPattern) }
  }

  @Test func goingBackFurtherThanTheHistoryHoldsMatchesAFreshReplay() throws {
    var player = try ScenePlayer(scene: Self.scene, historyDepth: 1000, historyByteBudget: 2 << 20)
    for _ in 0..<25 { try player.stepForward() }
    #expect(player.session.stepsBack < 20, "the budget keeps only the last steps")
    try player.jump(to: 4)
    var fresh = try ScenePlayer(scene: Self.scene)
    for _ in 0..<4 { try fresh.stepForward() }
    #expect(player.session.step == 4)
    #expect(Self.state(player) == Self.state(fresh))
    // And forward again over the event, to the same state as before.
    try player.jump(to: 20)
    for _ in 4..<20 { try fresh.stepForward() }
    #expect(Self.state(player) == Self.state(fresh))
    #expect(player.session.runs[0].optimizer.hyperparameters["c1"] == 0.5)
  }
}
