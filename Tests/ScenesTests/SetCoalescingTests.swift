import Engine
import OptimizerCore
import Scenes
import Testing

/// Sets of one parameter made one after another within a step are one
/// event: the replay is the one the sets made, the file keeps the last
/// value, and one step back undoes them all.
@Suite struct SetCoalescingTests {
  static let scene = Scene(
    title: "sets", landscape: .named("rosenbrock"), seed: 3, runs: [RunSetup(OptimizerConfiguration("adam"))], steps: 0)

  @Test func setsOfOneParameterWithinAStepAreOneEvent() throws {
    var player = try ScenePlayer(scene: Self.scene, recording: true, historyDepth: 100)
    for _ in 0..<5 { try player.stepForward() }
    let before = player.session.runs[0].optimizer.hyperparameters["lr"]
    for value in [0.01, 0.02, 0.03, 0.05] { try player.record(.setHyperparameter(run: 0, name: "lr", value: value)) }
    for _ in 0..<5 { try player.stepForward() }
    let events = player.recording.events
    #expect(events == [SceneEvent(step: 5, .setHyperparameter(run: 0, name: "lr", value: 0.05))])

    // The replay of the one event is the run the four sets made.
    var replay = try ScenePlayer(scene: player.recording)
    try replay.playToEnd()
    #expect(replay.session.runs[0].best == player.session.runs[0].best)

    // Back over the five steps, then one more undoes every set.
    for _ in 0..<5 { player.stepBack() }
    #expect(player.stepBack() == .event(events[0]))
    #expect(player.session.runs[0].optimizer.hyperparameters["lr"] == before)
  }

  @Test func anotherParameterOrAStepBetweenKeepsTheEvents() throws {
    var player = try ScenePlayer(scene: Self.scene, recording: true, historyDepth: 100)
    try player.record(.setHyperparameter(run: 0, name: "lr", value: 0.01))
    try player.record(.setHyperparameter(run: 0, name: "beta1", value: 0.8))
    try player.stepForward()
    try player.record(.setHyperparameter(run: 0, name: "beta1", value: 0.7))
    #expect(player.recording.events.count == 3)
  }

  @Test func aRefusedSetLeavesTheEarlierOneStanding() throws {
    var player = try ScenePlayer(scene: Self.scene, recording: true, historyDepth: 100)
    try player.record(.setHyperparameter(run: 0, name: "lr", value: 0.01))
    #expect(throws: SessionError.self) { try player.record(.setHyperparameter(run: 0, name: "lr", value: -1)) }
    #expect(player.recording.events == [SceneEvent(step: 0, .setHyperparameter(run: 0, name: "lr", value: 0.01))])
    #expect(player.session.runs[0].optimizer.hyperparameters["lr"] == 0.01)
  }
}
