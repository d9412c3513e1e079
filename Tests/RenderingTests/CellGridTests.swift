import Rendering
import TestSupport
import Testing

@Suite struct CellGridTests {
  @Test func textThatDoesNotFitEndsInAnEllipsis() {
    var grid = CellGrid(width: 8, height: 1)
    let written = grid.text("gradient descent", x: 1, y: 0)
    #expect(written == 7)
    #expect(grid.lines() == [" gradie…"])
  }

  @Test func textIsClippedByMaxWidthAndByTheGridEdges() {
    var grid = CellGrid(width: 6, height: 2)
    grid.text("abcdef", x: 0, y: 0, maxWidth: 3)
    grid.text("xyz", x: -1, y: 1)
    grid.text("never", x: 0, y: 5)
    #expect(grid.lines() == ["ab…   ", "yz    "])
  }

  @Test func alignedTextSitsInItsRectangle() {
    var grid = CellGrid(width: 9, height: 3)
    grid.text("ab", in: Rect(x: 0, y: 0, width: 9, height: 1), alignment: .left)
    grid.text("ab", in: Rect(x: 0, y: 1, width: 9, height: 1), alignment: .center)
    grid.text("ab", in: Rect(x: 0, y: 2, width: 9, height: 1), alignment: .right)
    #expect(grid.lines() == ["ab       ", "   ab    ", "       ab"])
  }

  @Test func boxesCarryTheirTitleInTheTopEdge() {
    var grid = CellGrid(width: 14, height: 4)
    let inside = grid.box(Rect(width: 14, height: 4), title: "Rosenbrock valley")
    #expect(inside == Rect(x: 1, y: 1, width: 12, height: 2))
    assertSnapshot(grid, named: "box-with-long-title")
  }

  @Test func textStyleKeepsTheColoursItDoesNotSet() {
    var grid = CellGrid(width: 3, height: 1, filledWith: Cell(background: RGB(1, 2, 3)))
    grid.text("a", x: 0, y: 0, style: CellStyle(foreground: RGB(9, 9, 9), attributes: .bold))
    #expect(grid[0, 0] == Cell("a", foreground: RGB(9, 9, 9), background: RGB(1, 2, 3), attributes: .bold))
  }

  @Test func drawingAGridCopiesItClipped() {
    var small = CellGrid(width: 2, height: 2, filledWith: Cell("x"))
    small[1, 1] = Cell("y")
    var grid = CellGrid(width: 3, height: 3, filledWith: Cell("."))
    grid.draw(small, x: 2, y: 2)
    #expect(grid.lines() == ["...", "...", "..x"])
  }
}

@Suite struct LayoutTests {
  @Test func fixedPartsComeFirstAndFillSharesTheRest() {
    let rows = Layout.rows(Rect(width: 10, height: 20), [.fixed(3), .fill, .fixed(1)])
    #expect(rows.map(\.height) == [3, 16, 1])
    #expect(rows.map(\.y) == [0, 3, 19])
  }

  @Test func fillWeightsSplitWithoutLosingACell() {
    let columns = Layout.columns(Rect(x: 5, y: 0, width: 10, height: 1), [.fill(weight: 1), .fill(weight: 2)], spacing: 1)
    #expect(columns.map(\.width) == [3, 6])
    #expect(columns.map(\.x) == [5, 9])
  }

  @Test func fractionsAreOfTheWhole() {
    let columns = Layout.columns(Rect(width: 100, height: 1), [.fraction(0.25), .fill, .fixed(10)])
    #expect(columns.map(\.width) == [25, 65, 10])
  }

  @Test func tooLittleRoomShrinksTheLastPartsFirst() {
    let rows = Layout.rows(Rect(width: 1, height: 5), [.fixed(3), .fixed(3), .fixed(2)])
    #expect(rows.map(\.height) == [3, 2, 0])
  }

  @Test func insetShrinksEverySide() {
    #expect(Rect(x: 1, y: 2, width: 10, height: 6).inset(by: 2) == Rect(x: 3, y: 4, width: 6, height: 2))
    #expect(Rect(width: 3, height: 3).inset(by: 2).isEmpty)
  }
}
