import Foundation

/// Scene files on disk: read with errors that name the file, written
/// atomically.
public enum SceneFile {
  public static func load(_ path: String) throws(SceneError) -> Scene {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw SceneError("cannot read \(path): \(Self.reason(error))")
    }
    return try SceneReader.read(text, file: path)
  }

  /// Writes the scene, with checksums if it has them, atomically.
  public static func save(_ scene: Scene, to path: String) throws(SceneError) {
    do { try writeAtomically(SceneWriter.write(scene), to: path) } catch {
      throw SceneError(error.message)
    }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}

/// Why a file could not be written.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// Writes a file by writing a temporary file beside it, flushing it to the
/// disk and renaming it over the target, so that a crash or a full disk
/// never leaves half a file. Errors give the system's reason ("No such file
/// or directory", "Permission denied", "No space left on device").
public func writeAtomically(_ text: String, to path: String) throws(FileWriteError) {
  let url = URL(fileURLWithPath: path)
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
  func failure() -> FileWriteError {
    let reason = String(cString: strerror(errno))
    unlink(temporary)
    return FileWriteError(message: "cannot write \(path): \(reason)")
  }
  let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { throw FileWriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      let error = failure()
      close(descriptor)
      throw error
    }
    bytes = bytes.dropFirst(written)
  }
  guard fsync(descriptor) == 0 else {
    let error = failure()
    close(descriptor)
    throw error
  }
  close(descriptor)
  guard rename(temporary, url.path) == 0 else { throw failure() }
}
