import Rendering
import Testing
import Exports

/// Text with CJK characters or emoji takes two columns per glyph, so
/// panels keep their borders where ASCII text would leave them.
@Suite struct WideGlyphTests {
  /// The right border of a 20-column box, whatever its title.
  static let titles = ["Rosenbrock", "ローゼンブロック", "🚀 rocket 🎉", "函数 sin(x)·cos(y)"]

  /// The columns a row of `lines()` takes on a terminal.
  func columns(_ line: String) -> Int { DisplayWidth.columns(of: line) }

  @Test func widthsFollowWcwidth() {
    let narrow: [Unicode.Scalar] = ["a", "é", "Ω", "Ж", "─", "┐", "▀", "⠁", "→", "●", "★", "…", "×", "❤", "\u{1F1EB}"]
    for scalar in narrow { #expect(DisplayWidth.columns(of: scalar) == 1, "U+\(String(scalar.value, radix: 16))") }
    let wide: [Unicode.Scalar] = ["中", "ロ", "한", "Ａ", "　", "😀", "🚀", "⭐", "\u{20000}"]
    for scalar in wide { #expect(DisplayWidth.columns(of: scalar) == 2, "U+\(String(scalar.value, radix: 16))") }
    let zero: [Unicode.Scalar] = ["\u{301}", "\u{200B}", "\u{FE0F}", "\u{1160}"]
    for scalar in zero { #expect(DisplayWidth.columns(of: scalar) == 0, "U+\(String(scalar.value, radix: 16))") }
    #expect(DisplayWidth.columns(of: "e\u{301}中a") == 4, "a combining mark adds nothing")
  }

  @Test func textAdvancesByDisplayColumns() {
    var grid = CellGrid(width: 8, height: 1)
    #expect(grid.text("中文ab", x: 0, y: 0) == 6)
    #expect(grid[0, 0].glyph == "中" && grid[1, 0].isContinuation)
    #expect(grid[2, 0].glyph == "文" && grid[3, 0].isContinuation)
    #expect(grid[4, 0].glyph == "a")
    #expect(grid.lines() == ["中文ab  "])
  }

  @Test(arguments: titles)
  func aBoxKeepsItsRightBorderWhateverItsTitle(title: String) {
    var grid = CellGrid(width: 22, height: 3)
    grid.box(Rect(x: 1, y: 0, width: 20, height: 3), title: title)
    #expect(grid[20, 0].glyph == "┐", "\(grid.lines()[0])")
    #expect(grid[20, 1].glyph == "│")
    for line in grid.lines() { #expect(columns(line) == 22, "|\(line)|") }
  }

  @Test func aLongWideTitleIsCutByColumnsNotCharacters() {
    var grid = CellGrid(width: 14, height: 3)
    grid.box(grid.bounds, title: "ローゼンブロック関数")
    // Eight columns for the title: three glyphs and the ellipsis; a fourth
    // glyph would need two more.
    #expect(grid.lines()[0] == "┌─ ローゼ… ──┐")
    #expect(grid[13, 0].glyph == "┐")
  }

  @Test func textStopsShortOfHalfAWideGlyphAtEitherEdge() {
    var right = CellGrid(width: 5, height: 3)
    right.text("中文字", x: 0, y: 0)
    right.text("中文", x: 0, y: 1, maxWidth: 3)
    right.text("中文", x: 3, y: 2)
    #expect(right.lines() == ["中文…", "中…  ", "   … "])
    var left = CellGrid(width: 4, height: 1)
    left.text("中文", x: -1, y: 0)
    #expect(left.lines() == [" 文 "])
    #expect(!left[0, 0].isContinuation)
  }

  @Test func aWideGlyphThatDoesNotFitAtTheRightEdgeIsABlank() {
    var grid = CellGrid(width: 3, height: 1)
    grid[2, 0] = Cell("中", foreground: RGB(1, 2, 3))
    #expect(grid[2, 0] == Cell(" ", foreground: RGB(1, 2, 3)))
    grid.put("中", x: 1, y: 0)
    #expect(grid.lines() == [" 中"])
  }

  @Test func writingOverHalfAWideGlyphBlanksTheOtherHalf() {
    var grid = CellGrid(width: 4, height: 1)
    grid.text("中文", x: 0, y: 0, style: CellStyle(foreground: RGB(9, 9, 9)))
    grid.put("x", x: 1, y: 0)
    #expect(grid.lines() == [" x文"])
    #expect(grid[0, 0] == Cell(" ", foreground: RGB(9, 9, 9)), "the blank keeps the glyph's colours")
    grid.put("y", x: 2, y: 0)
    #expect(grid.lines() == [" xy "])
    #expect(!grid.cells.contains { $0.isContinuation })
    grid.text("中文", x: 0, y: 0)
    grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: .blank)
    #expect(grid.lines() == ["    "])
  }

  @Test func drawingAGridCutThroughAWideGlyphLeavesABlank() {
    var small = CellGrid(width: 4, height: 1)
    small.text("中文", x: 0, y: 0)
    var grid = CellGrid(width: 5, height: 2)
    grid.draw(small, x: -1, y: 0)
    grid.draw(small, x: 2, y: 1)
    #expect(grid.lines() == [" 文  ", "  中 "])
  }

  @Test func exportsKeepEveryGlyphInItsColumn() {
    var grid = CellGrid(width: 6, height: 1)
    grid.text("中a", x: 0, y: 0)
    grid.put("│", x: 5, y: 0)
    let line = Export.text(grid).dropLast()
    #expect(DisplayWidth.columns(of: line) == 6, "the continuation is written as a zero-width space")
    #expect(Export.text(grid, glyphs: .ascii) == "??a  |\n")
  }
}
