import Foundation
import Scenes

/// Where a recording that is not saved yet is kept, so that a crash, a
/// kill or a closed terminal loses at most a couple of seconds of it.
///
/// The file is an ordinary scene (without checksums): `optiscope replay
/// PATH` opens it. It lives at `$OPTISCOPE_RECOVERY` if set, else
/// `$XDG_STATE_HOME/optiscope/recovery.yaml`, else
/// `~/.local/state/optiscope/recovery.yaml`.
public struct RecoveryFile: Sendable, Hashable {
  public let path: String

  public init(path: String) { self.path = path }

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

  /// Writes the scene atomically, making the folder if needed.
  public func write(_ scene: Scene) throws(WriteError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw WriteError(description: "cannot make \(folder.path) for the recovery file: \(error.localizedDescription)")
    }
    do { try FileOutput.write(SceneWriter.write(scene), to: path) } catch {
      throw WriteError(description: "recovery file: \(error.message)")
    }
  }

  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Moves a recovery file left by an earlier session out of this one's
  /// way, to a name stamped with its time (`recovery-20261129-141502.yaml`),
  /// and returns where it is now; nil when there was none. (It stays where
  /// it is only if its folder is read-only, and then no session can write
  /// over it either.)
  public func setAsideEarlier() -> String? {
    guard exists else { return nil }
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
