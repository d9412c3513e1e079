import Foundation
import Scenes
import Testing

/// `--output` of render and replay --record: a device or a FIFO is written
/// into and stays what it was, a folder is refused, a read-only file is
/// replaced only with --force and keeps its mode, `-` is stdout.
@Suite struct OutputTargetTests {
  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  private let render = ["render", "-l", "booth", "-o", "gd", "--steps", "5", "--size", "40x12"]

  @Test(.enabled(if: getuid() == 0, "mknod needs root"))
  func aCharacterDeviceStaysOne() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let null = files.folder.appendingPathComponent("null").path
    let full = files.folder.appendingPathComponent("full").path
    #expect(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // /dev/null's numbers
    #expect(mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0)  // /dev/full's
    let svg = try OptiscopeProcess.run(render + ["--format", "svg", "--output", null])
    #expect(svg.status == 0, "\(svg.stderr)")
    #expect(Self.fileType(null) == S_IFCHR)
    let fullDisk = try OptiscopeProcess.run(render + ["--output", full])
    #expect(fullDisk.status == 2)
    #expect(fullDisk.stderr == "optiscope: error: cannot write \(full): No space left on device\n")
    #expect(Self.fileType(full) == S_IFCHR)
  }

  @Test func aFIFOIsWrittenIntoAndStaysOne() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let fifo = files.folder.appendingPathComponent("frames").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // Open for reading without blocking, before optiscope opens it for
    // writing; a 40×12 text frame fits in the pipe's buffer.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    let outcome = try OptiscopeProcess.run(render + ["--output", fifo])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let count = read(reader, &buffer, buffer.count)
    let frame = String(decoding: buffer[..<max(count, 0)], as: UTF8.self)
    #expect(frame.split(separator: "\n").count == 12, "\(frame)")
    #expect(Self.fileType(fifo) == S_IFIFO)
  }

  @Test func aFolderIsRefusedWithTheSystemsReason() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(render + ["--output", files.folder.path])
    #expect(outcome.status == 2)
    #expect(outcome.stderr == "optiscope: error: cannot write \(files.folder.path): Is a directory\n")
  }

  @Test func aReadOnlyFileNeedsForceAndKeepsItsMode() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let frame = try files.write("frame.txt", "an older frame\n")
    #expect(chmod(frame, 0o444) == 0)
    let refused = try OptiscopeProcess.run(render + ["--output", frame])
    #expect(refused.status == 2)
    #expect(refused.stderr == "optiscope: error: cannot write \(frame): the file is read-only; add --force to replace it\n")
    #expect(try files.read(frame) == "an older frame\n")
    let forced = try OptiscopeProcess.run(render + ["--output", frame, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try files.read(frame).contains("gd"))
    let attributes = try FileManager.default.attributesOfItem(atPath: frame)
    #expect((attributes[.posixPermissions] as? Int) == 0o444)
  }

  @Test func replayRecordToDashIsStdout() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("annealing.yaml", SceneFiles.annealing)
    let outcome = try OptiscopeProcess.run(["replay", scene, "--headless", "--record", "--output", "-"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let recorded = try SceneReader.read(outcome.stdout)
    #expect(recorded.checksums != nil)
    #expect(outcome.stderr.contains("-: recorded"))
    #expect(!FileManager.default.fileExists(atPath: files.folder.appendingPathComponent("-").path))
    #expect(try files.read(scene) == SceneFiles.annealing, "the scene itself is not rewritten")
  }

  @Test func replayRecordOverAReadOnlySceneNeedsForce() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("annealing.yaml", SceneFiles.annealing)
    #expect(chmod(scene, 0o400) == 0)
    let refused = try OptiscopeProcess.run(["replay", scene, "--headless", "--record"])
    #expect(refused.status == 2)
    #expect(refused.stderr.hasSuffix("cannot write \(scene): the file is read-only; add --force to replace it\n"), "\(refused.stderr)")
    let forced = try OptiscopeProcess.run(["replay", scene, "--headless", "--record", "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try SceneFile.load(scene).checksums != nil)
    #expect((try FileManager.default.attributesOfItem(atPath: scene)[.posixPermissions] as? Int) == 0o400)
  }
}
