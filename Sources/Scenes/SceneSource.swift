import Foundation

/// A scene's text and where it came from: a file, or a curated scene built
/// into optiscope.
public struct SceneSource: Sendable {
  /// The scene's name: the file name without `.yaml`.
  public let name: String
  /// The file on disk; nil for a built-in scene.
  public let path: String?
  /// What errors and reports call it: the path, or `NAME (built in)`.
  public let label: String

  private let text: String?

  /// A scene file; it is read when loaded.
  public init(file path: String) {
    self.path = path
    self.label = path
    self.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    self.text = nil
  }

  /// A scene built into optiscope.
  init(builtIn name: String, text: String) {
    self.path = nil
    self.label = "\(name) (built in)"
    self.name = name
    self.text = text
  }

  /// The scene, or an error at its line and column in `label`.
  public func load() throws(SceneError) -> Scene {
    try SceneReader.read(try read(), file: label)
  }

  /// The scene's text as it is in the file.
  public func read() throws(SceneError) -> String {
    if let text { return text }
    return try SceneFile.read(label)
  }
}
