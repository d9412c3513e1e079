import Foundation

/// Scene files on disk: read with errors that name the file, written
/// through `FileOutput`.
public enum SceneFile {
  public static func load(_ path: String) throws(SceneError) -> Scene {
    try SceneReader.read(try read(path), file: path)
  }

  /// The file's text.
  public static func read(_ path: String) throws(SceneError) -> String {
    do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw SceneError("cannot read \(path): \(Self.reason(error))")
    }
  }

  /// Writes the scene, with checksums if it has them (see
  /// `FileOutput.write`); a read-only file only when `replacingReadOnly`.
  public static func save(_ scene: Scene, to path: String, replacingReadOnly: Bool) throws(SceneError) {
    do { try FileOutput.write(SceneWriter.write(scene), to: path, replacingReadOnly: replacingReadOnly) } catch {
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
