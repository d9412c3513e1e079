import Engine
import OptimizerCore
import PropertyBased
import Testing

@testable import Scenes

/// Whatever a title, a description or an expression holds, a saved scene
/// loads back equal: nothing the writer quotes, escapes or folds is lost.
///
/// Each property check draws a seed and derives 100 scenes from it with
/// `SeededGenerator` (drawing every character through the property
/// library's generators would dominate the run time in a debug build);
/// 100 checks make 10 000 scenes, and 2000 more texts written as
/// expressions.
@Suite struct AnyTextRoundTripsTests {
  /// What YAML treats specially, glued together in any order: indicators,
  /// document markers, quotes, every kind of line break and space, words
  /// YAML 1.1 reads as booleans, nulls and numbers, control characters
  /// (which only escapes can carry), and text beyond ASCII.
  static let fragments = [
    "a", "word", "Rosenbrock's valley", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}",
    ":", ": ", " :", "#", " #", "'", "''", "\"", "\\", "\\n", "---", "...", "- ", "-", "? ", "?", "{", "}", "[", "]",
    ",", "&a", "*a", "!", "!!str", "|", "|-", ">", "%YAML", "@", "`", "~", "=", "<<",
    "yes", "no", "No", "on", "OFF", "true", "null", "NULL", "1e3", "0x10", "0o17", "-1", "+.inf", ".nan", "1_000",
    "12:30:00", "2001-12-14", "0.1", "007",
    "\u{0}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}[0m", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{FEFF}",
    "\u{FFFE}", "\u{FFFF}", "é", "e\u{301}", "π", "👍🏽", "中文", "\u{10FFFF}",
    String(repeating: "long line ", count: 60),
  ]

  /// Up to 12 fragments glued together; sometimes the empty string. Never
  /// with a leading U+FEFF: Yams decodes every scalar with Foundation's
  /// `String(bytes:encoding:)`, which drops a leading byte order mark
  /// however the file spells it, so no writer can keep one.
  static func text(using rng: inout SeededGenerator) -> String {
    var text = (0..<rng.integer(in: 0...12)).map { _ in fragments[rng.integer(below: fragments.count)] }.joined()
    while text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    return text
  }

  /// Everything an expression may hold between its tokens.
  static let spaces = ["", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{85}", "\u{2028}", "\u{3000}"]
  static let terms = [
    "x", "y", "-x", "- y", "(x - 1)^2", "abs(y)", "sin(3*x)*cos(2*y)", ".5*x", "1e3", "0.25", "π", "x−y", "x×y",
    "x ÷ 2", "x**2", "hypot(x, y)", "max(x, y)",
  ]

  /// A valid expression of a few terms with any whitespace around its
  /// tokens, at its ends included (the reader must compile it).
  static func expression(using rng: inout SeededGenerator) -> String {
    func space() -> String { spaces[rng.integer(below: spaces.count)] }
    var text = space() + terms[rng.integer(below: terms.count)]
    for _ in 0..<rng.integer(in: 0...3) {
      text += space() + ["+", "-", "*", "/"][rng.integer(below: 4)] + space() + terms[rng.integer(below: terms.count)]
    }
    return text + space()
  }

  /// Any finite Double, from its bits, or one of the awkward ones.
  static func number(using rng: inout SeededGenerator) -> Double {
    let awkward: [Double] = [0, -0.0, 1, -1, 0.1, 1e-7, 1e300, -1e-300, .leastNonzeroMagnitude, 1e15, 1e16, 123456789.125, 2.5e-5]
    if rng.integer(below: 2) == 0 { return awkward[rng.integer(below: awkward.count)] }
    let value = Double(bitPattern: rng.next())
    return value.isFinite ? value : 0.5
  }

  /// A scene of nothing but text: the title, the description and two
  /// expressions (the landscape and a landscape event), so that the checks
  /// spend their time on what they test.
  static func textScene(using rng: inout SeededGenerator) -> Scene {
    Scene(
      title: text(using: &rng), description: text(using: &rng), landscape: .expression(expression(using: &rng)),
      seed: 0, runs: [], steps: 2, events: [SceneEvent(step: 1, .setLandscape(.expression(expression(using: &rng))))])
  }

  /// A scene whose start, noise and checksum hold any numbers.
  static func numberScene(using rng: inout SeededGenerator) -> Scene {
    let start = Vector([number(using: &rng), number(using: &rng)])
    let checksum = Checksum(step: 1, run: 0, bestLoss: number(using: &rng), bestPosition: start)
    return Scene(
      title: "numbers", landscape: .named("sphere"), noise: abs(number(using: &rng)), seed: rng.next(),
      runs: [RunSetup(OptimizerConfiguration("adam"), start: start)], steps: 2,
      checksums: Checksums(interval: 1, entries: [checksum]))
  }

  /// What went wrong writing and reading `scene`, or nil when it came back
  /// equal.
  static func breach(_ scene: Scene) -> String? {
    let text = SceneWriter.write(scene)
    do {
      let read = try SceneReader.read(text)
      return read == scene ? nil : "read back differently:\n\(text)\n\(read)"
    } catch {
      return "does not load: \(error.description)\n\(text)"
    }
  }

  /// What went wrong writing `text` as an expression, or nil when the YAML
  /// reads back with the same text. Only parsed, not compiled: the reader
  /// refuses an expression that does not compile, and the text is anything.
  static func expressionBreach(_ text: String) -> String? {
    let scene = Scene(title: "t", landscape: .expression(text), seed: 0, runs: [], steps: 0)
    let written = SceneWriter.write(scene)
    do {
      let landscape = try SceneReader.parse(written).openMapping().required("landscape")
      let read = try landscape.openMapping().required("expression").string()
      return read == text ? nil : "read back as \(read.debugDescription):\n\(written)"
    } catch {
      return "does not parse: \(error.description)\n\(written)"
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func anyTextRoundTrips() async {
    await propertyCheck(count: 100, input: Gen<UInt64>.value()) { seed in
      var rng = SeededGenerator(seed: seed)
      let broken = (0..<100).compactMap { _ in Self.breach(Self.textScene(using: &rng)) }
      #expect(broken.isEmpty, "\(broken.prefix(2))")
      let expressions = (0..<20).compactMap { _ in Self.expressionBreach(Self.text(using: &rng)) }
      #expect(expressions.isEmpty, "\(expressions.prefix(2))")
    }
  }

  /// Checksums are compared bit for bit, so every number must come back
  /// exactly; -0 and subnormals included.
  @Test(.timeLimit(.minutes(3)))
  func anyNumberRoundTrips() async {
    await propertyCheck(count: 10, input: Gen<UInt64>.value()) { seed in
      var rng = SeededGenerator(seed: seed)
      let scenes = (0..<100).map { _ in Self.numberScene(using: &rng) }
      #expect(scenes.compactMap(Self.breach).isEmpty)
      let bits = { (scene: Scene) in scene.checksums!.entries[0].bestPosition!.components.map { $0.bitPattern } }
      let readBack = scenes.compactMap { try? SceneReader.read(SceneWriter.write($0)) }
      #expect(readBack.map(bits) == scenes.map(bits))
    }
  }

  @Test("a description whose first line starts with spaces keeps them (it used to save and then not load)")
  func leadingSpacesSurvive() throws {
    var scene = SampleScenes.everyEvent
    scene.description = "  indented first line\nsecond line\n    indented more"
    let text = SceneWriter.write(scene)
    #expect(try SceneReader.read(text).description == scene.description)
    #expect(text.contains("description: |2-\n"), "still a block, with an indentation indicator")
  }
}
