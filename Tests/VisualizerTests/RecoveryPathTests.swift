import Foundation
import Scenes
import Testing
import Visualizer

/// What lies at the recovery path is moved aside, written over or removed
/// only when it is a recovery file; `OPTISCOPE_RECOVERY=off` or
/// `/dev/null` keeps no copy at all.
@Suite struct RecoveryPathTests {
  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  @Test func offOrDevNullTurnsRecoveryOff() {
    #expect(RecoveryFile.configured(environment: ["OPTISCOPE_RECOVERY": "off", "HOME": "/h"]) == nil)
    #expect(RecoveryFile.configured(environment: ["OPTISCOPE_RECOVERY": "/dev/null", "HOME": "/h"]) == nil)
    #expect(RecoveryFile.configured(environment: ["OPTISCOPE_RECOVERY": "/r/x.yaml"])?.path == "/r/x.yaml")
    #expect(RecoveryFile.configured(environment: ["HOME": "/h"])?.path == "/h/.local/state/optiscope/recovery.yaml")
  }

  /// A live change, then the session closes as `q` would.
  static func recordAndQuit(with recovery: RecoveryFile) throws -> AppState {
    var program = VisualizerProgram(state: try testState(), recovery: recovery)
    program.handle(.key(.right), at: .now)
    let state = program.state
    #expect(program.close(quitting: true) == nil)
    return state
  }

  @Test func aFolderAtThePathIsLeftAlone() throws {
    let (recovery, folder) = RecoveryTests.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: recovery.path, withIntermediateDirectories: true)
    let inside = recovery.path + "/kept.txt"
    try "kept".write(toFile: inside, atomically: false, encoding: .utf8)
    #expect(recovery.setAsideEarlier() == nil)
    let state = try Self.recordAndQuit(with: recovery)
    #expect(state.recovery.failure == "recovery file: cannot write \(recovery.path): Is a directory")
    #expect(Self.fileType(recovery.path) == S_IFDIR)
    #expect(try String(contentsOfFile: inside, encoding: .utf8) == "kept", "a quit removes no folder")
  }

  @Test func anotherFileAtThePathIsNeitherMovedNorOverwritten() throws {
    let (recovery, folder) = RecoveryTests.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "my notes".write(toFile: recovery.path, atomically: false, encoding: .utf8)
    #expect(recovery.setAsideEarlier() == nil)
    let state = try Self.recordAndQuit(with: recovery)
    #expect(state.recovery.failure == "recovery file: cannot write \(recovery.path): it holds something other than a scene")
    #expect(try String(contentsOfFile: recovery.path, encoding: .utf8) == "my notes")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["recovery.yaml"])
  }

  @Test(.enabled(if: getuid() == 0, "mknod needs root"))
  func aDeviceAtThePathIsWrittenIntoAndNeverRemoved() throws {
    let (recovery, folder) = RecoveryTests.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(mknod(recovery.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // /dev/null's numbers
    #expect(recovery.setAsideEarlier() == nil)
    let state = try Self.recordAndQuit(with: recovery)
    #expect(state.recovery.failure == nil)
    #expect(Self.fileType(recovery.path) == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["recovery.yaml"])
  }

  /// A write into a FIFO would wait for a reader and freeze the screen. A
  /// reader is open anyway, so that a write that wrongly went ahead would
  /// not block the test: it would show in the pipe.
  @Test func aPipeAtThePathIsRefused() throws {
    let (recovery, folder) = RecoveryTests.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(mkfifo(recovery.path, 0o600) == 0)
    let reader = open(recovery.path, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    #expect(recovery.setAsideEarlier() == nil)
    let state = try Self.recordAndQuit(with: recovery)
    #expect(state.recovery.failure == "recovery file: cannot write \(recovery.path): it is a pipe")
    var byte: UInt8 = 0
    #expect(read(reader, &byte, 1) <= 0, "nothing was written into the pipe")
    #expect(Self.fileType(recovery.path) == S_IFIFO)
  }

  @Test func aScenesStartIsSetAsideAndACopyIsRemovedOnQuit() throws {
    let (recovery, folder) = RecoveryTests.recoveryFile()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "version: 1\ntitle: cut short".write(toFile: recovery.path, atomically: false, encoding: .utf8)
    let aside = try #require(recovery.setAsideEarlier())
    #expect(try String(contentsOfFile: aside, encoding: .utf8) == "version: 1\ntitle: cut short")
    let state = try Self.recordAndQuit(with: recovery)
    #expect(state.recovery.failure == nil)
    #expect(!recovery.exists, "the session's own copy is removed")
  }
}
