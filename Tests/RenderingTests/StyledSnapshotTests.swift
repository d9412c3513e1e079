import Rendering
import TestSupport
import Testing

/// The snapshot text of a grid: glyph rows, a key per cell, the keys'
/// styles.
@Suite struct StyledSnapshotTests {
  @Test func keysSitUnderTheirCellsAndAWideGlyphsTwoCellsShareOne() {
    var grid = CellGrid(width: 5, height: 1)
    grid.text("中", x: 0, y: 0, style: CellStyle(foreground: RGB(255, 0, 0), attributes: .bold))
    grid.put("x", x: 3, y: 0, style: CellStyle(background: RGB(0, 0, 255)))
    let expected = [
      "中 x ",
      "-- styles (. is the terminal's default) --",
      "aa.b.",
      "-- keys --",
      "a: fg #ff0000 bold",
      "b: bg #0000ff",
    ]
    #expect(StyledSnapshot.text(of: grid) == expected.joined(separator: "\n") + "\n")
  }

  @Test func aGridInDefaultColoursIsItsGlyphsAlone() {
    var grid = CellGrid(width: 3, height: 2)
    grid.text("ab", x: 0, y: 1)
    #expect(StyledSnapshot.text(of: grid) == "   \nab \n")
  }
}
