import Foundation

/// The curated scenes: the `scenes/` folder of optiscope's checkout, built
/// into the binary at build time (so a copied binary still has them), or
/// the scene files of the folder `OPTISCOPE_SCENES` names.
public enum SceneLibrary {
  /// The scene `optiscope` opens with no arguments.
  public static let tourName = "tour"

  /// The folder `OPTISCOPE_SCENES` names, which replaces the built-in
  /// scenes; nil when it is not set.
  public static var folder: String? {
    guard let path = ProcessInfo.processInfo.environment["OPTISCOPE_SCENES"], !path.isEmpty else { return nil }
    return path
  }

  /// Every curated scene, sorted by name.
  public static func scenes() -> [SceneSource] {
    guard let folder else { return curatedSceneTexts.map { SceneSource(builtIn: $0.name, text: $0.text) } }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { SceneSource(file: folder + "/" + $0) }
  }

  /// The scene a command-line argument names: a file if one is there, else
  /// the curated scene of that name (`tour`, `rosenbrock-momentum.yaml`);
  /// nil when it is neither.
  public static func source(_ nameOrPath: String) -> SceneSource? {
    if FileManager.default.fileExists(atPath: nameOrPath) { return SceneSource(file: nameOrPath) }
    guard !nameOrPath.contains("/") else { return nil }
    return curated(nameOrPath.hasSuffix(".yaml") ? String(nameOrPath.dropLast(5)) : nameOrPath)
  }

  /// The curated scene called `name`, if there is one.
  public static func curated(_ name: String) -> SceneSource? {
    scenes().first { $0.name == name }
  }

  /// The curated scenes' names.
  public static var names: [String] { scenes().map(\.name) }
}
