import Foundation
import Scenes
import Testing

/// The curated scenes built into optiscope are the files of `scenes/`,
/// byte for byte, one for one.
@Suite struct BuiltInScenesTests {
  @Test("every file of scenes/ is built in, and nothing else is")
  func sameNames() {
    let files = CuratedScenesTests.paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    #expect(SceneLibrary.names == files)
    #expect(SceneLibrary.names.contains(SceneLibrary.tourName))
  }

  @Test("a built-in scene's text is its file's", arguments: CuratedScenesTests.paths)
  func sameText(path: String) throws {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let builtIn = try #require(SceneLibrary.curated(name))
    #expect(builtIn.path == nil)
    #expect(builtIn.label == "\(name) (built in)")
    #expect(try builtIn.read() == String(contentsOfFile: path, encoding: .utf8))
  }

  @Test("a name is a file when one is there, else the built-in scene")
  func filesComeFirst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("builtin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("tour").path
    try "version: 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(SceneLibrary.source(file)?.path == file)
    #expect(SceneLibrary.source("tour.yaml")?.label == "tour (built in)")
    #expect(SceneLibrary.source("no-such-scene") == nil)
    #expect(SceneLibrary.source("no/such/file.yaml") == nil)
  }
}
