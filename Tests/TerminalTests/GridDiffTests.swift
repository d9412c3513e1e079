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

  @Test func withoutAPreviousFrameOrAfterAResizeEveryCellChanges() {
    let small = CellGrid(width: 3, height: 2)
    let large = CellGrid(width: 4, height: 2)
    #expect(GridDiff.changedCells(from: nil, to: small) == Array(0..<6))
    #expect(GridDiff.changedCells(from: small, to: large) == Array(0..<8))
  }
}
