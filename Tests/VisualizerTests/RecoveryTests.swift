import Foundation
import Scenes
import Testing
import Visualizer

/// The recovery copy of an unsaved recording: written at once on a live
/// change, at most every two seconds while steps go on, removed by a save
/// or a quit, brought up to date when a signal ends the session.
@Suite struct RecoveryTests {
  /// A recovery file in a folder of its own (the test removes the folder).
  static func recoveryFile() -> (file: RecoveryFile, folder: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-recovery-\(UUID().uuidString)").path
    return (RecoveryFile(path: folder + "/recovery.yaml"), folder)
  }

  @Test func theStandardPlaceFollowsTheEnvironment() {
    #expect(RecoveryFile.standard(environment: ["OPTISCOPE_RECOVERY": "/r/x.yaml", "HOME": "/h"]).path == "/r/x.yaml")
    #expect(
      RecoveryFile.standard(environment: ["XDG_STATE_HOME": "/state", "HOME": "/h"]).path
        == "/state/optiscope/recovery.yaml")
    #expect(RecoveryFile.standard(environment: ["HOME": "/h"]).path == "/h/.local/state/optiscope/recovery.yaml")
  }

  @Test func aLiveChangeIsWrittenAtOnceAndStepsEveryTwoSeconds() throws {
    let (recovery, folder) = Self.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var program = VisualizerProgram(state: try testState(), recovery: recovery)
    let start = ContinuousClock.now
    #expect(!recovery.exists, "nothing to recover yet")
    program.handle(.key(.character(".")), at: start)
    #expect(try SceneFile.load(recovery.path).steps == 1)
    program.handle(.key(.character(".")), at: start + .milliseconds(500))
    #expect(try SceneFile.load(recovery.path).steps == 1, "steps wait for the periodic write")
    #expect(program.nextDeadline == start + .seconds(2), "a paused program still wakes for it")
    program.handle(.key(.right), at: start + .milliseconds(600))
    let written = try SceneFile.load(recovery.path)
    #expect(written.steps == 2 && written.events.count == 1, "a live change is written at once")
    program.handle(.key(.character(".")), at: start + .milliseconds(700))
    program.advance(to: start + .milliseconds(2600), budget: .seconds(1))
    #expect(try SceneFile.load(recovery.path).steps == 3)
    #expect(program.nextDeadline == nil, "the file is up to date")
  }

  @Test func aSaveOrAQuitRemovesItAndASignalLeavesItUpToDate() throws {
    let (recovery, folder) = Self.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var program = VisualizerProgram(state: try testState(), recovery: recovery)
    let start = ContinuousClock.now
    program.handle(.key(.right), at: start)
    #expect(recovery.exists)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-saved-\(UUID().uuidString).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    for key in [Key.character("s"), .control("u")] { program.handle(.key(key), at: start) }
    for character in path { program.handle(.key(.character(character)), at: start) }
    program.handle(.key(.enter), at: start)
    #expect(program.state.saving != nil, "the save runs in the background")
    try Self.waitForTheSave(&program)
    #expect(try SceneChecksums.verify(SceneFile.load(path)).passed)
    #expect(!recovery.exists, "a save removes the recovery copy")

    program.handle(.key(.character(".")), at: start + .seconds(1))
    #expect(recovery.exists)
    program.handle(.key(.character(".")), at: start + .seconds(1))
    #expect(program.close(quitting: false) == recovery.path)
    #expect(try SceneFile.load(recovery.path).steps == 2, "a signal brings the copy up to date")

    var quitting = VisualizerProgram(state: try testState(), recovery: recovery)
    quitting.handle(.key(.right), at: start)
    #expect(quitting.close(quitting: true) == nil)
    #expect(!recovery.exists, "a quit removes the recovery copy")
  }

  /// Lets the loop run until the background save reported its end (at
  /// most 60 s, far more than a short scene needs).
  static func waitForTheSave(_ program: inout VisualizerProgram) throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while program.state.saving != nil, ContinuousClock.now < deadline {
      usleep(10_000)
      program.advance(to: .now, budget: .milliseconds(10))
    }
    try #require(program.state.saving == nil, "the save never ended")
  }

  @Test func anUntouchedReplayKeepsNone() throws {
    let (recovery, folder) = Self.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var program = VisualizerProgram(state: try replayState(RecordingTests.replayed), recovery: recovery)
    for _ in 0..<3 { program.handle(.key(.character(".")), at: .now) }
    #expect(!recovery.exists)
    #expect(program.close(quitting: false) == nil)
  }

  @Test func anEarlierSessionsFileIsMovedAsideNotOverwritten() throws {
    let (recovery, folder) = Self.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: recovery.path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try "version: 1\nearlier".write(toFile: recovery.path, atomically: true, encoding: .utf8)
    let aside = try #require(recovery.setAsideEarlier())
    #expect(aside != recovery.path && !recovery.exists)
    #expect(try String(contentsOfFile: aside, encoding: .utf8) == "version: 1\nearlier")
    #expect(URL(fileURLWithPath: aside).lastPathComponent.wholeMatch(of: #/recovery-\d{8}-\d{6}\.yaml/#) != nil)
    #expect(recovery.setAsideEarlier() == nil)
  }
}
