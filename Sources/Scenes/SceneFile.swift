import Foundation

/// Scene files on disk: read with errors that name the file, written
/// through `FileOutput`.
public enum SceneFile {
  /// The largest scene file read, 16 MiB (docs/SCENES.md): three times a
  /// scene of 100 000 events, and small enough that its YAML nodes fit in
  /// memory.
  public static let maximumSize = 16 << 20

  public static func load(_ path: String) throws(SceneError) -> Scene {
    try SceneReader.read(try text(at: path), file: path)
  }

  /// The text of the scene file at `path`. Only a regular file is read (a
  /// pipe with no writer would wait forever, a device such as /dev/zero
  /// never ends), of at most `maximumSize` bytes, and it must be UTF-8: the
  /// first byte that is not is an error at its line and column.
  public static func text(at path: String) throws(SceneError) -> String {
    let bytes = try contents(of: path)
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    throw notUTF8(bytes).located(in: path, text: String(decoding: bytes, as: UTF8.self))
  }

  /// Writes the scene, with checksums if it has them (see
  /// `FileOutput.write`); a read-only file only when `replacingReadOnly`.
  public static func save(_ scene: Scene, to path: String, replacingReadOnly: Bool) throws(SceneError) {
    do { try FileOutput.write(SceneWriter.write(scene), to: path, replacingReadOnly: replacingReadOnly) } catch {
      throw SceneError(error.message)
    }
  }

  /// The file's bytes. It is opened without blocking (a FIFO's open would
  /// wait for a writer) and looked at through the open descriptor, so that
  /// what is read is what was checked.
  private static func contents(of path: String) throws(SceneError) -> [UInt8] {
    func failure(_ reason: String) -> SceneError { SceneError("cannot read \(path): \(reason)") }
    var descriptor: Int32
    repeat { descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
    if let kind = kind(of: info.st_mode) { throw failure("it is \(kind); a scene is read from a regular file") }
    let tooLarge = failure("it is larger than \(maximumSize >> 20) MiB, the most a scene file may hold")
    guard info.st_size <= maximumSize else { throw tooLarge }
    // Read past the limit: a file that grows (or one in /proc, whose size
    // says 0) is held to it all the same.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= maximumSize {
      let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if read < 0 {
        if errno == EINTR { continue }
        throw failure(String(cString: strerror(errno)))
      }
      if read == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<read])
    }
    throw tooLarge
  }

  /// What a file that is not a regular file is, in a user's words; nil for
  /// a regular file.
  private static func kind(of mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a pipe (FIFO)"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
  }

  /// The error at the first byte that is not UTF-8, with its line and
  /// column (counted in characters, as the YAML reader counts them).
  private static func notUTF8(_ bytes: [UInt8]) -> SceneError {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0, length = 1
    parsing: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error(let invalid):
        length = invalid
        break parsing
      case .emptyInput: break parsing
      }
    }
    let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let line = bytes[..<lineStart].count(where: { $0 == UInt8(ascii: "\n") }) + 1
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
    let shown = bytes[offset..<offset + length].map { "0x" + String($0, radix: 16, uppercase: true) }
    return SceneError(
      "not UTF-8 text: \(length == 1 ? "the byte" : "the bytes") \(shown.joined(separator: " ")) here "
        + "\(length == 1 ? "is" : "are") not UTF-8; a scene file must be saved as UTF-8",
      line: line, column: column, token: "\u{FFFD}")
  }
}
