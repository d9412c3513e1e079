import Foundation
import Scenes
import Testing

/// Saving a long scene in the real program: the checksums are taken in the
/// background, so the status line shows the progress and a key pressed
/// during the save is answered before the save ends.
@Suite struct BackgroundSaveTests {
  /// 100 000 steps of Adam and a 40-particle swarm: a replay long enough
  /// to take seconds in a debug build.
  static let longScene = """
    version: 1
    title: a long scene
    landscape:
      function: rosenbrock
    seed: 1
    steps: 100000
    runs:
      - optimizer: adam
      - optimizer: pso
        settings: {particles: 40}
    """

  @Test func savingALongSceneKeepsTheScreenAnswering() throws {
    // A short folder name, so that the status line has room for the path.
    let folder = "/tmp/os-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let scenePath = folder + "/long.yaml", savedPath = folder + "/saved.yaml"
    try Self.longScene.write(toFile: scenePath, atomically: true, encoding: .utf8)

    let session = try TmuxSession(
      [OptiscopeBinary.path, "replay", scenePath, "--paused"], width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.waitForScreen("the heat map", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    try session.type("s")
    try session.press("C-u")
    try session.type(savedPath)
    try session.press("Enter")
    try session.waitForScreen("the save's progress") { $0.contains("saving \(savedPath) …") && $0.contains("%") }

    try session.type(".")
    let stepped = try session.waitForScreen("step 1 while the save runs") {
      ScreenReading.sessionStep(in: $0) == 1 || !$0.contains("saving \(savedPath) …")
    }
    #expect(ScreenReading.sessionStep(in: stepped) == 1, "the key waited for the save:\n\(stepped)")
    #expect(stepped.contains("saving \(savedPath) …"), "the save ended before the key was answered:\n\(stepped)")

    try session.waitForScreen(containing: "saved \(savedPath)", timeout: .seconds(120))
    let saved = try SceneFile.load(savedPath)
    #expect(saved.steps == 100_000)
    #expect(saved.checksums?.entries.isEmpty == false)
    try session.type("q")
    #expect(try session.waitForExit() == 0)
  }
}
