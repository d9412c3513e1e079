import Rendering
import Testing
import Visualizer

/// A text field holding wide characters (CJK, emoji) keeps its caret under
/// the character at fault, since each wide character takes two columns.
@Suite struct WideEntryTextTests {
  /// The display column of the first `^` on the row under the field.
  static func caretColumn(in lines: [String], below field: String) -> Int? {
    guard let row = lines.firstIndex(where: { $0.contains(field) }), row + 1 < lines.count else { return nil }
    let under = lines[row + 1]
    guard let caret = under.firstIndex(of: "^") else { return nil }
    return DisplayWidth.columns(of: under[..<caret])
  }

  /// The display column where `text` starts on its row.
  static func column(of text: String, in lines: [String]) -> Int? {
    guard let line = lines.first(where: { $0.contains(text) }), let start = line.range(of: text) else { return nil }
    return DisplayWidth.columns(of: line[..<start.lowerBound])
  }

  @Test func theCaretStandsUnderTheCharacterAfterWideOnes() throws {
    var state = try testState()
    var entry = TextEntry(title: "landscape", purpose: .expression, text: "谷🚀x + $", hint: "an expression of x and y")
    entry.problem = EntryProblem("unexpected '$'", column: 7)
    state.modal = .textEntry(entry)
    var screen = Screen()
    let lines = screen.render(state, width: 120, height: 40, profile: .standard).lines()
    let fieldStart = try #require(Self.column(of: "› 谷🚀x + $", in: lines))
    let caret = try #require(Self.caretColumn(in: lines, below: "› 谷🚀x + $"))
    // "› " then 谷 and 🚀 (two columns each), "x + " (four): '$' is 8 columns in.
    #expect(caret - fieldStart == 2 + 2 + 2 + 4, "\(lines.joined(separator: "\n"))")
  }

  @Test func theBoxWidensForWideText() throws {
    var state = try testState()
    let wide = String(repeating: "谷", count: 40)
    state.modal = .textEntry(TextEntry(title: "save the scene as", purpose: .saveScene(thenQuit: false), text: wide, hint: "a file name"))
    var screen = Screen()
    let lines = screen.render(state, width: 120, height: 40, profile: .standard).lines()
    let row = try #require(lines.first { $0.contains(wide) })
    // The field (2 + 80 columns and the cursor) fits inside the box's borders.
    let start = try #require(row.range(of: wide))
    #expect(row[start.upperBound...].contains("│"), "\(row)")
  }
}
