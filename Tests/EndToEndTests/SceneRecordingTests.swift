import Engine
import Foundation
import Scenes
import Testing

/// Scenes made through the real program in tmux: live changes saved with
/// `s` replay identically, quitting unsaved asks, a killed recording
/// leaves its recovery file, and a breakpoint set with `b` stops the run.
@Suite(.serialized)
struct SceneRecordingTests {
  /// A folder of one test's own (the test removes it at the end).
  struct Folder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-scenes-\(UUID().uuidString)").path
    var recovery: String { path + "/recovery.yaml" }
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
  }

  /// Starts optiscope with its recovery file in `folder` and waits for the map.
  private func start(_ arguments: [String], in folder: Folder) throws -> TmuxSession {
    let session = try TmuxSession(
      [OptiscopeBinary.path] + arguments, width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": folder.recovery])
    try session.waitForScreen("the heat map", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    return session
  }

  private let gradientDescent = ["play", "--landscape", "rosenbrock", "--optimizer", "gd", "--seed", "3", "--paused"]

  /// Presses `.` until the step counter reads `step`.
  private func step(_ session: TmuxSession, to step: Int) throws {
    let screen = try session.waitForScreen("the status line") { ScreenReading.sessionStep(in: $0) != nil }
    let now = try #require(ScreenReading.sessionStep(in: screen))
    for _ in now..<step { try session.type(".") }
    try session.waitForScreen("step \(step)") { ScreenReading.sessionStep(in: $0) == step }
  }

  @Test func liveChangesSavedWithSReplayIdentically() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.path + "/recorded.yaml"
    let session = try start(gradientDescent, in: folder)
    defer { session.kill() }
    try step(session, to: 3)
    let rate = try #require(ScreenReading.learningRate(in: try session.screen()))
    try session.press("Right")
    try session.waitForScreen("a new learning rate") { ScreenReading.learningRate(in: $0).map { $0 != rate } ?? false }
    try step(session, to: 5)
    try session.type("a")
    try session.type("pso")
    try session.press("Enter")
    try session.waitForScreen(containing: "run 2/2 pso")
    try step(session, to: 8)
    try session.type("s")
    try session.press("C-u")
    try session.type(path)
    try session.press("Enter")
    let saved = try session.waitForScreen(containing: "saved \(path) (8 steps, 2 events)")
    let bests = ScreenReading.bestLosses(in: saved).sorted()
    #expect(bests.count == 2, "\(saved)")
    try session.type("q")
    #expect(try session.waitForExit() == 0, "a saved recording quits without a question")

    let scene = try SceneFile.load(path)
    #expect(scene.steps == 8)
    #expect(scene.events.map(\.step) == [3, 5])
    guard case .setHyperparameter(0, "lr", _) = scene.events[0].command else {
      Issue.record("the first event is not the learning rate: \(scene.events[0])")
      return
    }
    guard case .addRun(let setup) = scene.events[1].command, setup.configuration.kind.name == "pso" else {
      Issue.record("the second event is not the added swarm: \(scene.events[1])")
      return
    }
    #expect(try SceneChecksums.verify(scene).passed)
    let verified = try CommandRunner.run(OptiscopeBinary.path, ["replay", path, "--headless", "--verify"])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

    // Replayed in the visualizer, step 8 shows the same best losses.
    let replay = try start(["replay", path, "--paused"], in: folder)
    defer { replay.kill() }
    try replay.type("g")
    try replay.type("8")
    try replay.press("Enter")
    let replayed = try replay.waitForScreen("step 8 with both runs") { screen in
      ScreenReading.sessionStep(in: screen) == 8 && screen.contains("run 1/2")
    }
    #expect(ScreenReading.bestLosses(in: replayed).sorted() == bests, "\(replayed)")
  }

  @Test func quittingWithUnsavedChangesAsksAndQAgainQuits() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let session = try start(gradientDescent, in: folder)
    defer { session.kill() }
    try step(session, to: 2)
    try session.type("q")
    try session.waitForScreen(containing: "Unsaved changes")
    try session.waitForScreen(containing: "This recording (2 steps, 0 events) is not saved.")
    try session.press("Escape")
    try session.waitForScreen("the question to close") { !$0.contains("Unsaved changes") }
    try session.type("q")
    try session.waitForScreen(containing: "q  quit without saving")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
    #expect(try session.terminalState() == .restored)
    #expect(!FileManager.default.fileExists(atPath: folder.recovery), "quitting on purpose leaves no recovery file")
  }

  @Test func aKilledRecordingLeavesARecoveryFileThatLoads() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let session = try start(gradientDescent, in: folder)
    defer { session.kill() }
    try step(session, to: 2)
    try session.press("Right")  // a live change is written at once
    let clock = ContinuousClock(), deadline = clock.now + .seconds(15)
    while (try? SceneFile.load(folder.recovery))?.events.count != 1 {
      guard clock.now < deadline else { throw TmuxSession.Failure(message: "no recovery file at \(folder.recovery)") }
      usleep(50_000)
    }
    let pid = try session.programProcessID()
    #expect(kill(pid, SIGKILL) == 0)
    #expect(try session.waitForExit() == 128 + SIGKILL)
    let recovered = try SceneFile.load(folder.recovery)
    #expect(recovered.steps == 2)
    #expect(recovered.events.map(\.step) == [2])
    var player = try ScenePlayer(scene: recovered)
    try player.playToEnd()
    #expect(player.session.step == 2)
  }

  @Test func aBreakpointSetWithBPausesTheRunAndSaysWhich() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let session = try start(gradientDescent, in: folder)
    defer { session.kill() }
    try session.type("b")
    try session.type("step == 30")
    try session.press("Enter")
    try session.waitForScreen(containing: "breakpoint set: step == 30")
    try session.press("Space")
    let stopped = try session.waitForScreen(containing: "breakpoint: step == 30 (step 30)")
    #expect(ScreenReading.sessionStep(in: stopped) == 30)
    #expect(stopped.contains("PAUSED"))
    usleep(300_000)
    #expect(ScreenReading.sessionStep(in: try session.screen()) == 30, "the run stays paused")
    try session.type("q")
    try session.waitForScreen(containing: "Unsaved changes")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
  }
}
