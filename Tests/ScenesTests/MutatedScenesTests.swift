import OptimizerCore
import PropertyBased
import Scenes
import Testing

/// Whatever a valid scene is mutated into, loading it returns: a scene, or
/// an error with a line number inside the file (or the line just past its
/// end). Never a crash, never an error without a place.
///
/// Each property check draws a seed and derives 10 mutants from it with
/// `SeededGenerator`; 1000 checks make 10 000 mutants.
@Suite struct MutatedScenesTests {
  static let originals = [SceneErrorTests.valid, SceneWriter.write(SampleScenes.everyEvent)]

  /// Values of every type, to swap in for a value.
  static let replacements = [
    "0", "-1", "1e400", ".nan", "-.inf", "3.5", "true", "null", "~", "''", "\"x\"", "[]", "{}", "[1, 2]", "[1, [2]]",
    "{a: 1}", "pso", "rosenbrock", "- 1", "&a 1", "*a", "!!str 1", "|\n  text", "\"unterminated", "[", "{", "::",
    "\t", "#", "%", "@", "`", "18446744073709551616", "9223372036854775807",
  ]

  static func mutate(_ text: String, using rng: inout SeededGenerator) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let line = rng.integer(below: lines.count)
    switch rng.integer(below: 6) {
    case 0:  // delete a line
      lines.remove(at: line)
    case 1:  // swap two lines
      lines.swapAt(line, rng.integer(below: lines.count))
    case 2:  // replace a value after a colon with one of another type
      if let colon = lines[line].lastIndex(of: ":") {
        let replacement = replacements[rng.integer(below: replacements.count)]
        lines[line] = String(lines[line][..<colon]) + ": " + replacement
      }
    case 3:  // swap the values of two lines
      let other = rng.integer(below: lines.count)
      if let a = lines[line].lastIndex(of: ":"), let b = lines[other].lastIndex(of: ":") {
        let (valueA, valueB) = (lines[line][lines[line].index(after: a)...], lines[other][lines[other].index(after: b)...])
        (lines[line], lines[other]) = (String(lines[line][...a] + valueB), String(lines[other][...b] + valueA))
      }
    case 4:  // truncate the file anywhere
      let joined = lines.joined(separator: "\n")
      return String(joined.prefix(rng.integer(below: joined.count + 1)))
    default:  // change indentation
      lines[line] = rng.integer(below: 2) == 0 ? " " + lines[line] : String(lines[line].drop { $0 == " " })
    }
    return lines.joined(separator: "\n")
  }

  /// What is wrong with reading `text`, or nil when it reads or fails well.
  static func breach(_ text: String) -> String? {
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    do {
      _ = try SceneReader.read(text)
      return nil
    } catch {
      guard let line = error.line, line >= 1, line <= lineCount + 1 else {
        return "no line (or line \(String(describing: error.line)) outside 1…\(lineCount + 1)): \(error.message)\n\(text)"
      }
      guard !error.message.isEmpty else { return "an empty message\n\(text)" }
      return nil
    }
  }

  @Test(.timeLimit(.minutes(2)))
  func mutantsLoadOrFailWithALine() async {
    await propertyCheck(count: 1000, input: Gen<UInt64>.value()) { seed in
      var rng = SeededGenerator(seed: seed)
      var broken: [String] = []
      for _ in 0..<10 {
        var text = Self.originals[rng.integer(below: Self.originals.count)]
        for _ in 0...rng.integer(below: 3) { text = Self.mutate(text, using: &rng) }
        if let breach = Self.breach(text) { broken.append(breach) }
      }
      #expect(broken.isEmpty, "\(broken.prefix(3))")
    }
  }
}
