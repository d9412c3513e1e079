import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Escape sequences smuggled in by a scene or the command line (issue 11,
/// item 6) never reach the terminal raw: text shows them as `\u{1B}`,
/// SVG stays well-formed XML, JSON and asciicast escape them as JSON does.
@Suite struct ControlCharacterTests {
  /// ESC ] 0 ; … BEL retitles a terminal window, ESC [ 2 J clears it and
  /// U+009B is the one-character CSI.
  static let title = "\u{1B}]0;owned\u{7}\u{1B}[2JHostile\u{9B}"
  static let shownTitle = "\\u{1B}]0;owned\\u{7}\\u{1B}[2JHostile\\u{9B}"

  /// A scene whose title and description carry them, as YAML escapes.
  static let hostile = """
    version: 1
    title: "\\e]0;owned\\a\\e[2JHostile\\x9b"
    description: "clears\\e[2J the screen"
    landscape: {function: himmelblau}
    seed: 3
    steps: 6
    runs:
      - {optimizer: nelder-mead, start: [0, 0]}

    """

  /// The control characters of `text` other than line breaks.
  static func controls(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { $0 != "\n" && $0.properties.generalCategory == .control }
  }

  @Test func theScenesTableShowsATitlesEscapes() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    try files.write("hostile.yaml", Self.hostile)
    let outcome = try OptiscopeProcess.run(["scenes"], environment: ["OPTISCOPE_SCENES": files.folder.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(Self.controls(in: outcome.stdout).isEmpty, "\(outcome.stdout.debugDescription)")
    let line = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("hostile ") })
    #expect(line.contains(Self.shownTitle + "  himmelblau"), "the columns align on the escaped title")
  }

  @Test func jsonEscapesControlCharactersAsJSONDoes() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("hostile.yaml", Self.hostile)
    for arguments in [["scenes", "--format", "json"], ["run", scene, "--format", "json"]] {
      let outcome = try OptiscopeProcess.run(arguments, environment: ["OPTISCOPE_SCENES": files.folder.path])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(Self.controls(in: outcome.stdout).isEmpty, "\(arguments): \(outcome.stdout.debugDescription)")
      let document = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
      let title = (document as? [[String: Any]])?.first?["title"] ?? (document as? [String: Any])?["scene"]
      #expect(title as? String == Self.title, "\(arguments): the JSON string is the title itself")
    }
  }

  @Test func runAndReplayShowTheTitleAndThePathEscaped() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("evil\u{1B}[2J.yaml", Self.hostile)
    let run = try OptiscopeProcess.run(["run", scene])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix(Self.shownTitle + "\n"))
    #expect(Self.controls(in: run.stdout).isEmpty)
    let replay = try OptiscopeProcess.run(["replay", scene, "--headless", "--break", "step == 3"])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(replay.stdout.hasPrefix(files.folder.path + "/evil\\u{1B}[2J.yaml: stopped at step 3"))
    #expect(Self.controls(in: replay.stdout).isEmpty)
  }

  @Test func anErrorQuotesAFieldValueEscaped() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write(
      "typo.yaml", Self.hostile.replacingOccurrences(of: "optimizer: nelder-mead", with: "optimizer: \"nelder\\e[2J\""))
    let outcome = try OptiscopeProcess.run(["run", scene])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("unknown optimizer 'nelder\\u{1B}[2J'"), "\(outcome.stderr)")
    #expect(Self.controls(in: outcome.stderr).isEmpty)
  }

  @Test func aQuotedLineShowsItsControlsWithTheCaretUnderTheToken() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    // A tab is the one control character YAML lets a line hold raw; here
    // it separates a flow mapping's key from a misspelt value.
    let scene = try files.write("tab.yaml", SceneFiles.himmelblau + "  - {optimizer:\tadma}\n")
    let outcome = try OptiscopeProcess.run(["run", scene])
    #expect(outcome.status == 2)
    #expect(Self.controls(in: outcome.stderr).isEmpty, "\(outcome.stderr.debugDescription)")
    let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    let quoted = try #require(lines.firstIndex { $0.hasSuffix("- {optimizer:\\u{9}adma}") }, "\(outcome.stderr)")
    let (line, carets) = (lines[quoted], lines[quoted + 1])
    let token = line.distance(from: line.startIndex, to: try #require(line.range(of: "adma")).lowerBound)
    let caret = carets.distance(from: carets.startIndex, to: try #require(carets.firstIndex(of: "^")))
    #expect(token == caret, "\(outcome.stderr)")
  }

  @Test func aRawControlCharacterInAFileIsQuotedEscaped() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("raw.yaml", "version: 1\ntitle: Hostile\u{1B}[2J\n")
    let outcome = try OptiscopeProcess.run(["run", scene])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("Hostile\\u{1B}[2J"), "\(outcome.stderr.debugDescription)")
    #expect(Self.controls(in: outcome.stderr).isEmpty, "\(outcome.stderr.debugDescription)")
  }

  @Test func argumentsEchoedInErrorsAreEscaped() throws {
    let colourMap = try OptiscopeProcess.run(["render", "tour", "--colour-map", "\u{1B}[2Jviridis"])
    #expect(colourMap.status == 64, "an unknown name is a wrong command line")
    #expect(colourMap.stderr.contains("unknown colour map '\\u{1B}[2Jviridis'"), "\(colourMap.stderr)")
    let steps = try OptiscopeProcess.run(["run", "-l", "sphere", "-o", "gd", "--steps", "\u{1B}]0;x\u{7}"])
    #expect(steps.status != 0)
    #expect(steps.stderr.contains("\\u{1B}]0;x\\u{7}"), "\(steps.stderr)")
    let condition = try OptiscopeProcess.run(["replay", "tour", "--headless", "--break", "\u{1B}[2J < 1"])
    #expect(condition.status != 0)
    #expect(condition.stderr.contains("--break '\\u{1B}[2J < 1'"), "\(condition.stderr)")
    for outcome in [colourMap, steps, condition] {
      #expect(Self.controls(in: outcome.stderr).isEmpty, "\(outcome.stderr.debugDescription)")
    }
  }

  #if canImport(FoundationXML)
    @Test func anSVGOfAHostileSceneIsWellFormedXML() throws {
      let files = try SceneFiles()
      defer { files.remove() }
      let scene = try files.write("hostile.yaml", Self.hostile)
      let outcome = try OptiscopeProcess.run(["render", scene, "--format", "svg"])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let parser = XMLParser(data: Data(outcome.stdout.utf8))
      #expect(parser.parse(), "\(String(describing: parser.parserError))")
      #expect(outcome.stdout.contains(Self.shownTitle))
      #expect(Self.controls(in: outcome.stdout).isEmpty)
    }
  #endif

  @Test func anAsciicastEscapesTheTitleAsJSON() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("hostile.yaml", Self.hostile)
    let outcome = try OptiscopeProcess.run(["render", scene, "--format", "cast", "--size", "60x20"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(Self.controls(in: outcome.stdout).isEmpty, "the frames' escapes are JSON-escaped too")
    let lines = outcome.stdout.split(separator: "\n")
    let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["title"] as? String == Self.title)
    let frames = try lines.dropFirst().map { line in
      try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])?[2] as? String)
    }
    #expect(frames.contains { $0.contains(Self.shownTitle.prefix(20)) }, "the status line shows the title escaped")
    #expect(!frames.contains { $0.contains("\u{1B}]") || $0.contains("\u{7}") }, "the frames carry no escape of the title's")
  }

  /// Text and ANSI frames are printed as drawn: the title in their status
  /// line shows escaped, and ANSI has only its own colour escapes.
  @Test func framesShowTheTitleEscaped() throws {
    let files = try SceneFiles()
    defer { files.remove() }
    let scene = try files.write("hostile.yaml", Self.hostile)
    let text = try OptiscopeProcess.run(["render", scene, "--size", "100x20"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(Self.controls(in: text.stdout).isEmpty, "\(text.stdout.debugDescription)")
    #expect(text.stdout.contains(Self.shownTitle.prefix(20)))
    let ansi = try OptiscopeProcess.run(["render", scene, "--size", "100x20", "--format", "ansi"])
    #expect(ansi.status == 0, "\(ansi.stderr)")
    let colourEscapes = try Regex("\u{1B}\\[[0-9;]*m")
    #expect(Self.controls(in: ansi.stdout.replacing(colourEscapes, with: "")).isEmpty, "\(ansi.stdout.debugDescription)")
  }
}
