import Scenes
import Testing

/// An error quotes at most about 200 columns of its line, cut with "…",
/// and its caret still stands under the token.
@Suite("A long line is quoted short, the caret under the token")
struct QuotedLineTests {
  /// The quoted line and the caret line of an error at `column` of `line`.
  func quote(_ line: String, column: Int, token: String) -> (text: String, caret: String) {
    let error = SceneError("bad", line: 2, column: column, token: token).located(in: "f.yaml", text: "first\n" + line)
    let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 3)
    return (String(lines[1].dropFirst(2)), String(lines[2].dropFirst(2)))
  }

  /// The characters of `text` above the carets.
  func pointedAt(_ quoted: (text: String, caret: String)) -> String {
    let start = quoted.caret.firstIndex(of: "^").map { quoted.caret.distance(from: quoted.caret.startIndex, to: $0) } ?? 0
    let width = quoted.caret.filter { $0 == "^" }.count
    return String(quoted.text.dropFirst(start).prefix(width))
  }

  @Test func aShortLineIsQuotedWhole() {
    let quoted = quote("  - optimizer: adma", column: 16, token: "adma")
    #expect(quoted.text == "  - optimizer: adma")
    #expect(quoted.caret == "               ^^^^")
  }

  @Test func aLongLineWithTheTokenNearItsStartIsCutAtTheEnd() {
    let line = "title: nope " + String(repeating: "x", count: 1000)
    let quoted = quote(line, column: 8, token: "nope")
    #expect(quoted.text.count == 200)
    #expect(quoted.text.hasPrefix("title: nope"))
    #expect(quoted.text.hasSuffix("…"))
    #expect(pointedAt(quoted) == "nope")
  }

  @Test func aTokenBeyondColumn200IsShownInAWindowAroundIt() {
    let line = String(repeating: "a", count: 600) + " TOKEN " + String(repeating: "b", count: 600)
    let quoted = quote(line, column: 602, token: "TOKEN")
    #expect(quoted.text.count == 200)
    #expect(quoted.text.hasPrefix("…") && quoted.text.hasSuffix("…"))
    #expect(pointedAt(quoted) == "TOKEN")
  }

  @Test func aTokenAtTheEndOfALongLineShowsTheEnd() {
    let line = String(repeating: "a", count: 900) + " END"
    let quoted = quote(line, column: 902, token: "END")
    #expect(quoted.text.count == 200)
    #expect(quoted.text.hasPrefix("…") && quoted.text.hasSuffix(" END"))
    #expect(pointedAt(quoted) == "END")
  }

  /// A token longer than the window gets carets over half the window, from its start.
  @Test func aHugeTokenIsUnderlinedFromItsStart() {
    let line = "title: " + String(repeating: "z", count: 5000)
    let quoted = quote(line, column: 8, token: String(repeating: "z", count: 5000))
    #expect(quoted.text.count == 200)
    #expect(quoted.caret == String(repeating: " ", count: 7) + String(repeating: "^", count: 100))
  }

  /// Tabs show escaped, as every control character does, and the window
  /// and the caret are those of the escaped line.
  @Test func tabsBeforeTheTokenShowEscapedAndTheWindowFollowsThem() {
    let line = String(repeating: "\t", count: 300) + "here"
    let quoted = quote(line, column: 301, token: "here")
    #expect(quoted.text.hasPrefix("…"), "the window is cut on the left")
    #expect(quoted.text.contains("\\u{9}") && !quoted.text.contains("\t"))
    #expect(pointedAt(quoted) == "here")
  }

  /// The optimizers' own error quotes the name it was given; from a file,
  /// that name is cut.
  @Test func aMessageQuotesALongValueCut() throws {
    let name = String(repeating: "x", count: 5000)
    let text = "version: 1\ntitle: t\nlandscape: {function: sphere}\nseed: 1\nsteps: 5\nruns:\n  - optimizer: \(name)\n"
    let error = try #require(throws: SceneError.self) { try SceneReader.read(text) }
    #expect(error.message.hasPrefix("unknown optimizer '" + String(repeating: "x", count: 59) + "…'"))
    #expect(error.description.split(separator: "\n").allSatisfy { $0.count < 250 })
  }
}
