import Rendering
import Testing
import Exports

@Suite struct ExportTests {
  @Test func ansiExportSetsColoursWith256ColourEscapesAndResetsEveryLine() {
    var grid = CellGrid(width: 3, height: 2)
    grid[0, 0] = Cell("a", foreground: RGB(255, 0, 0), background: RGB(0, 0, 0), attributes: .bold)
    grid[1, 0] = Cell("b", foreground: RGB(255, 0, 0), background: RGB(0, 0, 0), attributes: .bold)
    grid[2, 1] = Cell("▀", foreground: RGB(128, 128, 128))
    let text = Export.ansi(grid)
    #expect(text == "\u{1B}[0;1;38;5;196;48;5;16mab\u{1B}[0m \u{1B}[0m\n\u{1B}[0m  \u{1B}[0;38;5;244m▀\u{1B}[0m\n")
  }

  @Test func ansiExportFollowsTheDepth() {
    var grid = CellGrid(width: 1, height: 1)
    grid[0, 0] = Cell("x", foreground: RGB(250, 0, 0), background: RGB(0, 0, 250))
    #expect(Export.ansi(grid, profile: DisplayProfile(colourDepth: .palette16, glyphs: .unicode)) == "\u{1B}[0;91;44mx\u{1B}[0m\n")
    #expect(Export.ansi(grid, profile: DisplayProfile(colourDepth: .trueColour, glyphs: .unicode)) == "\u{1B}[0;38;2;250;0;0;48;2;0;0;250mx\u{1B}[0m\n")
    #expect(Export.ansi(grid, profile: DisplayProfile(colourDepth: .monochrome, glyphs: .unicode)) == "\u{1B}[0mx\u{1B}[0m\n")
  }

  @Test func plainTextShowsTheHeatMapAsShadesAndFallsBackToAscii() {
    var grid = CellGrid(width: 4, height: 1)
    grid[0, 0] = Cell("▀", foreground: RGB(0, 0, 0), background: RGB(0, 0, 0))
    grid[1, 0] = Cell("▀", foreground: RGB(255, 255, 255), background: RGB(255, 255, 255))
    grid[2, 0] = Cell("┌")
    grid[3, 0] = Cell("★")
    #expect(Export.text(grid) == " █┌★\n")
    #expect(Export.text(grid, glyphs: .ascii) == " @+*\n")
  }
}
