import Foundation
import Testing

/// A scene path that is no readable scene file (a folder, a pipe, a device,
/// text that is not UTF-8, YAML nested past libyaml's limit, a file past
/// the size limit) gets one error in optiscope's words naming the file, a
/// non-zero exit, and never a hang.
@Suite struct UnreadableSceneFileTests {
  /// A folder of one test's own (the test removes it at the end).
  struct Folder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-unreadable-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String, _ bytes: [UInt8]) -> String {
      let file = path + "/" + name
      FileManager.default.createFile(atPath: file, contents: Data(bytes))
      return file
    }

    func fifo(_ name: String) throws -> String {
      let file = path + "/" + name
      try #require(mkfifo(file, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
      return file
    }
  }

  /// The commands that read a scene, headless.
  static let readers: [[String]] = [["replay", "--headless", "--verify"], ["run"]]

  /// Runs optiscope, which must fail within 20 s (a pipe with no writer
  /// would block an open, /dev/zero a read, for ever), and returns stderr.
  func failure(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let clock = ContinuousClock(), start = clock.now
    let outcome = try CommandRunner.run(
      OptiscopeBinary.path, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    #expect(clock.now - start < .seconds(20))
    #expect(outcome.status != 0)
    #expect(!outcome.stderr.contains("NSCocoaErrorDomain") && !outcome.stderr.contains("permission"))
    return outcome.stderr
  }

  @Test(arguments: readers)
  func aFolderIsRefusedAsAFolder(command: [String]) throws {
    let folder = try Folder()
    defer { folder.remove() }
    let message = try failure([command[0], folder.path] + command.dropFirst())
    #expect(message == "optiscope: error: cannot read \(folder.path): it is a folder; a scene is read from a regular file\n")
  }

  @Test(arguments: readers)
  func aPipeWithNoWriterIsRefusedAtOnce(command: [String]) throws {
    let folder = try Folder()
    defer { folder.remove() }
    let pipe = try folder.fifo("scene.yaml")
    let message = try failure([command[0], pipe] + command.dropFirst())
    #expect(message == "optiscope: error: cannot read \(pipe): it is a pipe (FIFO); a scene is read from a regular file\n")
  }

  @Test(arguments: readers)
  func devZeroIsRefusedAsADevice(command: [String]) throws {
    let message = try failure([command[0], "/dev/zero"] + command.dropFirst())
    #expect(
      message == "optiscope: error: cannot read /dev/zero: it is a character device; a scene is read from a regular file\n")
  }

  @Test(arguments: readers)
  func textThatIsNotUTF8IsAnErrorAtItsFirstBadByte(command: [String]) throws {
    let folder = try Folder()
    defer { folder.remove() }
    let file = folder.file("latin1.yaml", Array("version: 1\ntitle: caf".utf8) + [0xE9] + Array(" au lait\n".utf8))
    let lines = try failure([command[0], file] + command.dropFirst()).split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "optiscope: error: \(file):2:11: not UTF-8 text: the byte 0xE9 here is not UTF-8; a scene file must be saved as UTF-8"
    )
    #expect(lines.dropFirst().first == "  title: caf\u{FFFD} au lait")
    #expect(lines.dropFirst(2).first == "            ^")
  }

  @Test func nestingPastLibyamlsLimitIsSaidInOptiscopesWords() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let deep = String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100)
    let file = folder.file("deep.yaml", Array("version: 1\ntitle: \(deep)\n".utf8))
    let message = try failure(["replay", file, "--headless", "--verify"])
    let first = try #require(message.split(separator: "\n").first)
    #expect(first.hasPrefix("optiscope: error: \(file):2:"))
    #expect(first.contains("lists and mappings nest deeper than 1000 levels, the most a scene file may nest"))
    #expect(!message.contains("yaml_set_max_nest_level"))
  }

  @Test func aFileLargerThanTheLimitIsRefusedNamingTheLimit() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let file = folder.file("huge.yaml", [])
    // Sparse: 17 MiB of nothing, on disk in no time.
    #expect(truncate(file, 17 << 20) == 0)
    let message = try failure(["replay", file, "--headless", "--verify"])
    #expect(message == "optiscope: error: cannot read \(file): it is larger than 16 MiB, the most a scene file may hold\n")
  }

  /// Five megabytes of text on one line: YAML reads it as one scalar, and
  /// the error quotes neither the scalar nor the line whole.
  @Test func aFiveMegabyteLineIsQuotedShort() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let file = folder.file("prose.yaml", Array(String(repeating: "lorem ipsum ", count: 5_000_000 / 12).utf8))
    let message = try failure(["replay", file, "--headless", "--verify"])
    let lines = message.split(separator: "\n")
    #expect(lines.first?.hasPrefix("optiscope: error: \(file):1:1: the scene must be a mapping, got 'lorem ipsum") == true)
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.count < 400 }, "the longest line has \(lines.map(\.count).max() ?? 0) characters")
    #expect(lines.dropFirst().first?.hasSuffix("…") == true)
  }

  /// One bad file in the curated folder is listed with its error; the
  /// others still are, and the listing ends.
  @Test func theListingOfAFolderGoesOnPastAPipeAndAFolder() throws {
    let folder = try Folder()
    defer { folder.remove() }
    _ = folder.file(
      "good.yaml", Array("version: 1\ntitle: Good\nlandscape: {function: sphere}\nseed: 1\nsteps: 5\n".utf8))
    let pipe = try folder.fifo("pipe.yaml")
    let inner = folder.path + "/folder.yaml"
    try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
    let clock = ContinuousClock(), start = clock.now
    let outcome = try CommandRunner.run(
      OptiscopeBinary.path, ["scenes"],
      environment: ProcessInfo.processInfo.environment.merging(["OPTISCOPE_SCENES": folder.path]) { $1 })
    #expect(clock.now - start < .seconds(20))
    #expect(outcome.status == 1)
    #expect(outcome.stdout.contains("Good"))
    #expect(outcome.stderr.contains("cannot read \(pipe): it is a pipe (FIFO)"))
    #expect(outcome.stderr.contains("cannot read \(inner): it is a folder"))
  }
}
