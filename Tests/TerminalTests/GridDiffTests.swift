import Rendering
import Testing

@testable import Terminal

@Suite struct GridDiffTests {
  @Test func identicalFramesChangeNothing() {
    var grid = CellGrid(width: 5, height: 3)
    grid.text("abc", x: 1, y: 1)
    #expect(GridDiff.changedCells(from: grid, to: grid).isEmpty)
  }

  @Test func onlyCellsThatDifferInGlyphColourOrAttributesChange() {
    let before = CellGrid(width: 4, height: 3, filledWith: Cell("▀", foreground: RGB(1, 2, 3), background: RGB(4, 5, 6)))
    var after = before
    after[1, 0] = Cell("●", foreground: RGB(1, 2, 3), background: RGB(4, 5, 6))
    after[2, 1] = Cell("▀", foreground: RGB(1, 2, 4), background: RGB(4, 5, 6))
    after[3, 2] = Cell("▀", foreground: RGB(1, 2, 3), background: RGB(4, 5, 6), attributes: .bold)
    #expect(GridDiff.changedCells(from: before, to: after) == [1, 1 * 4 + 2, 2 * 4 + 3])
  }

  @Test func aWideGlyphIsRedrawnWithItsContinuationWhenEitherChanges() {
    var before = CellGrid(width: 6, height: 1)
    before.text("a中b", x: 0, y: 0)
    var glyph = before
    glyph.text("文", x: 1, y: 0)
    #expect(GridDiff.changedCells(from: before, to: glyph) == [1, 2])
    var colour = before
    colour.text("中", x: 1, y: 0, style: CellStyle(foreground: RGB(255, 0, 0)))
    #expect(GridDiff.changedCells(from: before, to: colour) == [1, 2])
    var narrow = before
    narrow.text("xy", x: 1, y: 0)
    #expect(GridDiff.changedCells(from: before, to: narrow) == [1, 2])
    var shifted = before
    shifted.text("中", x: 2, y: 0)
    #expect(GridDiff.changedCells(from: before, to: shifted) == [1, 2, 3], "the old glyph's first half and the new glyph")
  }

  @Test func withoutAPreviousFrameOrAfterAResizeEveryCellChanges() {
    let small = CellGrid(width: 3, height: 2)
    let large = CellGrid(width: 4, height: 2)
    #expect(GridDiff.changedCells(from: nil, to: small) == Array(0..<6))
    #expect(GridDiff.changedCells(from: small, to: large) == Array(0..<8))
  }
}
