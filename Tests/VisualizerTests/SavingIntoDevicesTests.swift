import Foundation
import Scenes
import Testing
import Visualizer

/// `s` to a device or a FIFO, after its overwrite question, writes the
/// scene into it: the device stays a device.
@Suite struct SavingIntoDevicesTests {
  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// Saves with `s` to `path`, answering the overwrite question, and waits
  /// for the save to end.
  static func save(to path: String) throws -> VisualizerProgram {
    var program = VisualizerProgram(state: try testState())
    let now = ContinuousClock.now
    program.handle(.key(.right), at: now)  // a live change: something to save
    for key in [Key.character("s"), .control("u")] { program.handle(.key(key), at: now) }
    for character in path { program.handle(.key(.character(character)), at: now) }
    program.handle(.key(.enter), at: now)
    guard case .confirmation(let question) = program.state.modal else {
      Issue.record("no overwrite question for \(path)")
      return program
    }
    #expect(question.lines == ["\(path) already exists."])
    program.handle(.key(.character("y")), at: now)
    try RecoveryTests.waitForTheSave(&program)
    return program
  }

  @Test(.enabled(if: getuid() == 0, "mknod needs root"))
  func aCharacterDeviceStaysOne() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-device-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let null = folder + "/null"
    #expect(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // /dev/null's numbers
    let program = try Self.save(to: null)
    #expect(program.state.message?.text.hasPrefix("saved \(null)") == true, "\(String(describing: program.state.message))")
    #expect(Self.fileType(null) == S_IFCHR)
  }

  @Test func aFIFOReceivesTheScene() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-fifo-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/scene.yaml"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader that never blocks, open before the save: a short scene
    // fits in the pipe's buffer.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    _ = try Self.save(to: fifo)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let count = read(reader, &buffer, buffer.count)
    let scene = try SceneReader.read(String(decoding: buffer[..<max(count, 0)], as: UTF8.self))
    #expect(scene.events.count == 1 && scene.checksums != nil)
    #expect(Self.fileType(fifo) == S_IFIFO)
  }
}
