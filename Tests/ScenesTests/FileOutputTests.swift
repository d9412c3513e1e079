import Foundation
import Scenes
import Testing

/// Writing a file never puts a regular file in place of a device, a pipe
/// or a folder, never replaces a read-only file unasked, and never follows
/// a symbolic link planted where its temporary file might go.
@Suite struct FileOutputTests {
  /// A folder of the test's own, removed at the end.
  struct Folder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-output-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
  }

  static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  static func mode(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
  }

  static let isRoot = getuid() == 0

  /// glibc's makedev for small numbers (a macro Swift does not import).
  static func device(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t(major << 8 | minor) }

  @Test(.enabled(if: isRoot, "mknod needs root"))
  func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let null = folder.file("null"), full = folder.file("full")
    #expect(mknod(null, S_IFCHR | 0o666, Self.device(1, 3)) == 0)  // /dev/null's numbers
    #expect(mknod(full, S_IFCHR | 0o666, Self.device(1, 7)) == 0)  // /dev/full's
    try FileOutput.write("a scene\n", to: null)
    #expect(Self.fileType(null) == S_IFCHR)
    do {
      try FileOutput.write("a scene\n", to: full)
      Issue.record("a write to a full device succeeded")
    } catch {
      #expect(error.message == "cannot write \(full): No space left on device")
    }
    #expect(Self.fileType(full) == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["full", "null"])
  }

  @Test func aFIFOIsWrittenIntoNotReplaced() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let fifo = folder.file("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader that never blocks: the write's open finds it, and the text
    // fits in the pipe's buffer.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    try #require(reader >= 0)
    defer { close(reader) }
    try FileOutput.write("through the pipe\n", to: fifo)
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(reader, &buffer, buffer.count)
    #expect(count > 0 && String(decoding: buffer[..<max(count, 0)], as: UTF8.self) == "through the pipe\n")
    #expect(Self.fileType(fifo) == S_IFIFO)
  }

  @Test func aFolderIsRefused() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let inside = folder.file("keep")
    try "kept".write(toFile: inside, atomically: false, encoding: .utf8)
    do {
      try FileOutput.write("x", to: folder.path)
      Issue.record("a folder was written")
    } catch {
      #expect(error.message == "cannot write \(folder.path): Is a directory")
    }
    #expect(Self.fileType(folder.path) == S_IFDIR)
    #expect(try String(contentsOfFile: inside, encoding: .utf8) == "kept")
  }

  @Test func aReadOnlyFileIsReplacedOnlyWhenAskedAndKeepsItsModeAndOwner() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let file = folder.file("scene.yaml")
    try "original".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(chmod(file, 0o440) == 0)
    if Self.isRoot { #expect(chown(file, 1234, 5678) == 0) }
    do {
      try FileOutput.write("new", to: file)
      Issue.record("a read-only file was replaced")
    } catch {
      #expect(error.isReadOnly)
      #expect(error.message == "cannot write \(file): the file is read-only")
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "original")
    try FileOutput.write("new", to: file, replacingReadOnly: true)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    #expect(Self.mode(file) == 0o440)
    if Self.isRoot {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      #expect(attributes[.ownerAccountID] as? Int == 1234)
      #expect(attributes[.groupOwnerAccountID] as? Int == 5678)
    }
  }

  @Test func aNewFileIs0644LessTheUmaskAndAnOldOneKeepsItsMode() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let umaskLine = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
    let mask = try #require(mode_t(umaskLine.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8))
    let fresh = folder.file("fresh.svg")
    try FileOutput.write("<svg/>", to: fresh)
    #expect(Self.mode(fresh) == 0o644 & ~mask)
    let shared = folder.file("shared.svg")
    try "old".write(toFile: shared, atomically: false, encoding: .utf8)
    #expect(chmod(shared, 0o664) == 0)
    try FileOutput.write("<svg/>", to: shared)
    #expect(Self.mode(shared) == 0o664)
  }

  /// The old temporary name was `.NAME.PID.tmp`: links planted there (and
  /// at names like it) must not be followed, nor any file but the target
  /// change.
  @Test func aPlantedSymlinkAtATemporaryNameIsNotFollowed() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let victim = folder.file("victim.txt")
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    let target = folder.file("out.svg")
    let pid = ProcessInfo.processInfo.processIdentifier
    let planted = [".out.svg.\(pid).tmp", ".out.svg.tmp", ".out.svg"].map(folder.file)
    for link in planted { #expect(symlink(victim, link) == 0) }
    try FileOutput.write("<svg/>", to: target)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "<svg/>")
    for link in planted { #expect(Self.fileType(link) == S_IFLNK, "\(link) is still the planted link") }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == [".out.svg", ".out.svg.\(pid).tmp", ".out.svg.tmp", "out.svg", "victim.txt"], "no temporary file is left")
  }

  /// A link the user made at the target is followed: the file it names is
  /// replaced and the link stays a link.
  @Test func aSymlinkAtTheTargetKeepsPointingAtTheNewFile() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let real = folder.file("real.yaml"), link = folder.file("link.yaml")
    try "old".write(toFile: real, atomically: false, encoding: .utf8)
    #expect(symlink(real, link) == 0)
    try FileOutput.write("new", to: link)
    #expect(Self.fileType(link) == S_IFLNK)
    #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
  }

  /// A write that fails leaves neither half a file nor a temporary one.
  @Test func aFailedWriteLeavesNoTemporaryFileBehind() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let missing = folder.file("no-such-folder/out.svg")
    do {
      try FileOutput.write("<svg/>", to: missing)
      Issue.record("wrote into a missing folder")
    } catch {
      #expect(error.message == "cannot write \(missing): No such file or directory")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
