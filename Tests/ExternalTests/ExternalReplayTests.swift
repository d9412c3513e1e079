import Engine
@testable import External
import Foundation
import OptimizerCore
import Scenes
import Testing

/// What an external optimizer did is kept, so that its scene replays
/// without the process, and a fork after stepping back drives a fresh
/// process through the recorded steps to where the fork begins.
@Suite struct ExternalReplayTests {
  static let live = ExternalTapes.Policy.live(stepTimeout: 5)

  /// A recording of the fake in `mode` racing Adam on Rosenbrock.
  static func recording(_ mode: String = "good") -> Scene {
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: FakeOptimizer.command(mode)))
    return Scene(
      title: "fake vs adam", landscape: .named("rosenbrock"), seed: 5,
      runs: [RunSetup(external), RunSetup(OptimizerConfiguration("adam"))], steps: 0)
  }

  static func bests(_ session: Session) -> [Double?] { session.runs.map { $0.best?.loss } }

  @Test func aSavedSceneReplaysWithoutTheProcess() throws {
    var player = try ScenePlayer(scene: Self.recording(), recording: true, external: Self.live)
    for _ in 0..<12 { try player.stepForward() }
    try player.record(.setHyperparameter(run: 0, name: "sigma", value: 0.02))
    for _ in 0..<12 { try player.stepForward() }
    let liveBests = Self.bests(player.session)
    let text = SceneWriter.write(try SceneChecksums.recorded(for: player.recording))
    #expect(text.contains("external:"))

    // The command now points nowhere: the tape alone must carry the replay.
    let absent = text.replacingOccurrences(of: FakeOptimizer.path, with: "/nonexistent/fake_optimizer.py")
    let scene = try SceneReader.read(absent)
    #expect(try SceneChecksums.verify(scene).divergence == nil)
    var replay = try ScenePlayer(scene: scene)
    try replay.playToEnd()
    #expect(replay.session.runs[0].optimizer.failure == nil)
    #expect(Self.bests(replay.session) == liveBests)
    #expect(replay.session.runs[0].evaluations == player.session.runs[0].evaluations)
  }

  @Test func aForkAfterSteppingBackReproducesTheRecordedSteps() throws {
    var player = try ScenePlayer(scene: Self.recording(), recording: true, historyDepth: 100, external: Self.live)
    for _ in 0..<20 { try player.stepForward() }
    for _ in 0..<10 { player.stepBack() }
    // A change the tape did not see: the process is started again, driven
    // through the ten recorded steps and then set.
    try player.record(.setHyperparameter(run: 0, name: "sigma", value: 0.02))
    for _ in 0..<10 { try player.stepForward() }
    #expect(player.session.runs[0].optimizer.notice == nil)
    #expect(player.session.runs[0].optimizer.failure == nil)

    var straight = try ScenePlayer(scene: Self.recording(), recording: true, external: Self.live)
    for _ in 0..<10 { try straight.stepForward() }
    try straight.record(.setHyperparameter(run: 0, name: "sigma", value: 0.02))
    for _ in 0..<10 { try straight.stepForward() }
    #expect(Self.bests(player.session) == Self.bests(straight.session))
    #expect(player.session.runs[0].optimizer.particles == straight.session.runs[0].optimizer.particles)
  }

  @Test func aProcessThatAnswersOtherwiseIsSaidToAndReplaced() throws {
    var player = try ScenePlayer(scene: Self.recording("unseeded"), recording: true, historyDepth: 100, external: Self.live)
    for _ in 0..<6 { try player.stepForward() }
    for _ in 0..<3 { player.stepBack() }
    try player.record(.setHyperparameter(run: 0, name: "sigma", value: 0.05))
    try player.stepForward()
    let notice = try #require(player.session.runs[0].optimizer.notice)
    #expect(notice.contains("answered differently from the recording"))
    #expect(player.session.runs[0].optimizer.failure == nil)
    #expect(player.session.runs[0].steps == 4)
  }

  @Test func aReplayThatChecksARecordingStartsNoProcess() throws {
    // No tape and no process: the run ends with a message, the other goes on.
    var player = try ScenePlayer(scene: Self.recording())
    for _ in 0..<3 { try player.stepForward() }
    let failure = try #require(player.session.runs[0].optimizer.failure)
    #expect(failure.contains("holds no recording"))
    #expect(player.session.runs[1].steps == 3)
  }
}

/// The curated race and the example it runs: the scene verifies with no
/// process at all, and the example is deterministic enough for a fork.
@Suite struct ExternalRaceSceneTests {
  /// clients/python/examples/random_search.py in this checkout.
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("clients/python/examples/random_search.py").path

  @Test func theCuratedRaceVerifiesWithoutItsProcess() throws {
    let source = try #require(SceneLibrary.curated("external-race"))
    let text = try source.read()
    #expect(try source.load().external.count == 1)
    // No python3 on this command: a replay that started it would fail.
    let absent = try SceneReader.read(text.replacingOccurrences(of: "python3 ", with: "/nonexistent/python3 "))
    #expect(try SceneChecksums.verify(absent).divergence == nil)
  }

  @Test func aForkOfTheExampleAfterSteppingBackMatchesAStraightRun() throws {
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: "python3 \(Self.example)"))
    let scene = Scene(
      title: "fork", landscape: .named("rosenbrock"), seed: 2, runs: [RunSetup(external, start: Vector([-1.5, 2]))],
      steps: 0)
    let live = ExternalTapes.Policy.live(stepTimeout: 20)
    var forked = try ScenePlayer(scene: scene, recording: true, historyDepth: 100, external: live)
    for _ in 0..<16 { try forked.stepForward() }
    for _ in 0..<8 { forked.stepBack() }
    try forked.record(.setHyperparameter(run: 0, name: "sigma", value: 0.03))
    for _ in 0..<8 { try forked.stepForward() }
    var straight = try ScenePlayer(scene: scene, recording: true, external: live)
    for _ in 0..<8 { try straight.stepForward() }
    try straight.record(.setHyperparameter(run: 0, name: "sigma", value: 0.03))
    for _ in 0..<8 { try straight.stepForward() }
    #expect(forked.session.runs[0].optimizer.notice == nil)
    #expect(forked.session.runs[0].optimizer.failure == nil)
    #expect(forked.session.runs[0].best == straight.session.runs[0].best)
    #expect(forked.session.runs[0].evaluations == straight.session.runs[0].evaluations)
  }
}

/// A reset or a new start asks the run's process to start over (`reset`)
/// instead of starting another, and the run goes as a fresh one would.
@Suite struct ExternalResetTests {
  @Test(arguments: [FakeOptimizer.command("good"), "python3 \(ExternalRaceSceneTests.example)"])
  func aResetKeepsTheProcessAndStartsOver(command: String) throws {
    let external = OptimizerConfiguration(kind: OptimizerKind(name: "external", command: command))
    let tapes = ExternalTapes(policy: .live(stepTimeout: 5))
    var session = try Session(landscape: .named("rosenbrock"), runs: [RunSetup(external)], seed: 8, externalTapes: tapes)
    for _ in 0..<4 { session.stepForward() }
    let first = try #require(tapes.link(ExternalTapes.Key(run: 0, restart: 0, step: 0)).process?.pid)
    try session.apply(.reset(seed: nil))
    for _ in 0..<4 { session.stepForward() }
    let second = try #require(tapes.link(ExternalTapes.Key(run: 0, restart: 1, step: 0)).process?.pid)
    #expect(first == second)

    var fresh = try Session(
      landscape: .named("rosenbrock"), runs: [RunSetup(external)], seed: 8,
      externalTapes: ExternalTapes(policy: .live(stepTimeout: 5)))
    for _ in 0..<4 { fresh.stepForward() }
    #expect(session.runs[0].best == fresh.runs[0].best)
    #expect(session.runs[0].optimizer.failure == nil)
  }
}
