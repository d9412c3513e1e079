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

/// Writes a file by writing a temporary file beside it and renaming it over
/// the target, so that a crash or a full disk never leaves half a file.
public func writeAtomically(_ text: String, to path: String) throws(FileWriteError) {
  let url = URL(fileURLWithPath: path)
  let temporary = url.deletingLastPathComponent()
    .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
  do {
    try Data(text.utf8).write(to: temporary)
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw FileWriteError(message: "cannot write \(path): \(error.localizedDescription)")
  }
  if rename(temporary.path, url.path) != 0 {
    let reason = String(cString: strerror(errno))
    try? FileManager.default.removeItem(at: temporary)
    throw FileWriteError(message: "cannot write \(path): \(reason)")
  }
}
