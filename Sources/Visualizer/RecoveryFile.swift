import Foundation
import Scenes

/// Where a recording that is not saved yet is kept, so that a crash, a
/// kill or a closed terminal loses at most a couple of seconds of it.
///
/// The file is an ordinary scene (without checksums): `optiscope replay
/// PATH` opens it. It lives at `$OPTISCOPE_RECOVERY` if set, else
/// `$XDG_STATE_HOME/optiscope/recovery.yaml`, else
/// `~/.local/state/optiscope/recovery.yaml`; `OPTISCOPE_RECOVERY=off` (or
/// `/dev/null`) keeps none.
public struct RecoveryFile: Sendable, Hashable {
  public let path: String

  public init(path: String) { self.path = path }

  /// The recovery file this environment asks for; nil when it turns
  /// recovery off.
  public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) -> RecoveryFile? {
    ["off", "/dev/null"].contains(environment["OPTISCOPE_RECOVERY"]) ? nil : standard(environment: environment)
  }

  /// The recovery file this environment names.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RecoveryFile {
    if let path = environment["OPTISCOPE_RECOVERY"], !path.isEmpty { return RecoveryFile(path: path) }
    let state: String
    if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      state = xdg
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      state = home + "/.local/state"
    }
    return RecoveryFile(path: state + "/optiscope/recovery.yaml")
  }

  public var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// Why the recovery copy could not be written.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Writes the scene (see `FileOutput.write`), making the folder if
  /// needed; never over a file that is not a recovery file, which the
  /// path may name by mistake.
  public func write(_ scene: Scene) throws(WriteError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw WriteError(description: "cannot make \(folder.path) for the recovery file: \(error.localizedDescription)")
    }
    switch FileOutput.target(at: path) {
    case .file where !holdsRecording:
      throw WriteError(description: "recovery file: cannot write \(path): it holds something other than a scene")
    case .pipe:
      // Writing waits for a reader, and recovery writes hold up the screen.
      throw WriteError(description: "recovery file: cannot write \(path): it is a pipe")
    default: break
    }
    do { try FileOutput.write(SceneWriter.write(scene), to: path) } catch {
      throw WriteError(description: "recovery file: \(error.message)")
    }
  }

  /// True when the path is a regular file that is a recovery copy: it
  /// parses as a scene, or at least starts like one (`version:`, as
  /// `SceneWriter` writes it), when a crash cut it short.
  var holdsRecording: Bool {
    guard case .file = FileOutput.target(at: path),
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return false }
    return text.hasPrefix("version:") || (try? SceneReader.read(text)) != nil
  }

  /// Removes the recovery copy; anything else at the path (a folder, a
  /// device, a file a failed write left alone) stays.
  public func remove() {
    if holdsRecording { unlink(path) }
  }

  /// Moves a recovery file left by an earlier session out of this one's
  /// way, to a name stamped with its time (`recovery-20261129-141502.yaml`),
  /// and returns where it is now; nil when there was none. (It stays where
  /// it is only if its folder is read-only, and then no session can write
  /// over it either.) Anything else at the path (a device, a folder, some
  /// other file) is left alone.
  public func setAsideEarlier() -> String? {
    guard holdsRecording else { return nil }
    let url = URL(fileURLWithPath: path)
    let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    let stem = url.deletingPathExtension().lastPathComponent + "-" + formatter.string(from: modified)
    let folder = url.deletingLastPathComponent()
    var target = folder.appendingPathComponent(stem + ".yaml").path
    var number = 2
    while FileManager.default.fileExists(atPath: target) {
      target = folder.appendingPathComponent("\(stem)-\(number).yaml").path
      number += 1
    }
    return rename(path, target) == 0 ? target : path
  }

  /// `path` with the home folder written `~`, for messages.
  public static func abbreviated(_ path: String) -> String {
    let home = NSHomeDirectory()
    guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
    return "~" + path.dropFirst(home.count)
  }
}
