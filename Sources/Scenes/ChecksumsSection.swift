/// Fresh checksums spliced into a scene file's text, everything else kept
/// as written: comments, field order, quoting. `replay --record` writes
/// curated scenes this way so that their authors' comments survive.
public enum ChecksumsSection {
  /// The text with its top-level `checksums:` section replaced by the
  /// scene's checksums (written as `SceneWriter` writes them), or with the
  /// section appended when the text has none. A scene without checksums
  /// removes the section.
  ///
  /// The section is the `checksums:` line and every line after it that is
  /// indented, blank or a comment, less the blank and column-0 comment
  /// lines at its end (those introduce whatever follows).
  public static func replacing(in text: String, with scene: Scene) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let fresh = section(of: scene, firstRunNumber: fileVersion(lines) == 1 ? 0 : 1)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("checksums:") }) else {
      return (lines + fresh).joined(separator: "\n") + "\n"
    }
    var end = start + 1
    while end < lines.count, isInsideSection(lines[end]) { end += 1 }
    while end > start + 1, isLeadingLine(lines[end - 1]) { end -= 1 }
    lines.replaceSubrange(start..<end, with: fresh)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `checksums:` section's lines as `SceneWriter` writes them, or
  /// none.
  static func section(of scene: Scene, firstRunNumber: Int) -> [String] {
    guard let checksums = scene.checksums else { return [] }
    return SceneWriter.checksumsSection(checksums, firstRunNumber: firstRunNumber).split(separator: "\n").map(String.init)
  }

  /// The version the text declares at the top level: the spliced section
  /// numbers its runs as the rest of the file does (version 1 from 0).
  private static func fileVersion(_ lines: [String]) -> Int {
    let line = lines.first { $0.hasPrefix("version:") }
    let value = line.map { $0.dropFirst("version:".count).prefix { $0 != "#" }.filter { !$0.isWhitespace } }
    return value.flatMap { Int(String($0)) } ?? Scene.formatVersion
  }

  private static func isInsideSection(_ line: String) -> Bool {
    guard let first = line.first else { return true }
    return first == " " || first == "\t" || first == "#"
  }

  private static func isLeadingLine(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" } || line.hasPrefix("#")
  }
}
