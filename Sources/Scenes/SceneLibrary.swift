import Foundation

/// The curated scenes: the `scenes/` folder of the checkout optiscope was
/// built from, or the folder `OPTISCOPE_SCENES` names.
public enum SceneLibrary {
  /// The scene `optiscope` opens with no arguments.
  public static let tourName = "tour"

  /// The folder of curated scenes, if it exists.
  public static var folder: String? {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["OPTISCOPE_SCENES"], !path.isEmpty { candidates.append(path) }
    // Sources/Scenes/SceneLibrary.swift → the checkout's root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(root.appendingPathComponent("scenes").path)
    candidates.append(FileManager.default.currentDirectoryPath + "/scenes")
    return candidates.first { isDirectory($0) }
  }

  /// Every `.yaml` file of the folder, sorted by name.
  public static func paths() -> [String] {
    guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
  }

  /// A scene's path from a name (`tour`, `rosenbrock-momentum`) or a path.
  public static func resolve(_ nameOrPath: String) -> String {
    if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
    if let folder, !nameOrPath.contains("/") {
      let candidate = folder + "/" + (nameOrPath.hasSuffix(".yaml") ? nameOrPath : nameOrPath + ".yaml")
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return nameOrPath
  }

  /// The curated scenes' names (file names without `.yaml`).
  public static var names: [String] {
    paths().map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
