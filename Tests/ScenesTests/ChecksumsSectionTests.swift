import Engine
import Scenes
import Testing

@Suite("Fresh checksums go into a scene file's text and nothing else changes")
struct ChecksumsSectionTests {
  let text = """
    # A scene with comments
    version: 1
    title: Short   # a trailing comment
    landscape: {function: sphere}
    seed: 2
    steps: 6
    runs:
    - optimizer: adam
    checksums:
      every: 3
      at:
        - {step: 3, run: 0, best: 1, position: [1, 0]}

    # the events come last in this file
    events:
      - {step: 2, set: {run: 0, parameter: lr, value: 0.2}}

    """

  @Test("a section in the middle is replaced in place, comments around it kept")
  func replacesInPlace() throws {
    let recorded = try SceneChecksums.recorded(for: try SceneReader.read(text), interval: 2)
    let spliced = ChecksumsSection.replacing(in: text, with: recorded)
    #expect(try SceneReader.read(spliced) == recorded)
    let lines = spliced.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "# A scene with comments")
    #expect(lines.contains("title: Short   # a trailing comment"))
    #expect(lines.contains("# the events come last in this file"))
    #expect(lines.filter { $0.hasPrefix("checksums:") }.count == 1)
    #expect(lines.contains("  every: 2"))
    #expect(spliced.hasSuffix("value: 0.2}}\n"))
  }

  @Test("a file without checksums gets them at its end, and losing them removes the section")
  func appendsAndRemoves() throws {
    var scene = try SceneReader.read(text)
    scene.checksums = nil
    let bare = ChecksumsSection.replacing(in: text, with: scene)
    #expect(!bare.contains("checksums:") && bare.contains("# the events come last in this file"))
    #expect(try SceneReader.read(bare) == scene)
    let recorded = try SceneChecksums.recorded(for: scene)
    let appended = ChecksumsSection.replacing(in: bare, with: recorded)
    #expect(appended.hasPrefix(bare))
    #expect(try SceneReader.read(appended) == recorded)
  }
}

@Suite("Checksums spliced into a file the writer wrote")
struct WrittenChecksumsSectionTests {
  @Test("the splice reads back as the recorded scene, whatever the description holds")
  func splicesIntoWrittenFiles() throws {
    var scene = SampleScenes.everyEvent
    for description in ["  indented\nlines\n", "ends in blank lines\n\n", "checksums:\n  every: 1", "tab\there"] {
      scene.description = description
      let recorded = try SceneChecksums.recorded(for: scene, interval: 10)
      let appended = ChecksumsSection.replacing(in: SceneWriter.write(scene), with: recorded)
      #expect(try SceneReader.read(appended) == recorded, "\(description)")
      let replaced = ChecksumsSection.replacing(in: SceneWriter.write(recorded), with: recorded)
      #expect(replaced == SceneWriter.write(recorded), "\(description)")
    }
  }
}
