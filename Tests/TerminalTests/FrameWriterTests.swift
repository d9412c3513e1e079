import Rendering
import Testing

@testable import Terminal

/// Our own writer's bytes on small grids, without a terminal: the cursor's
/// way to each changed cell, one SGR per run of equal styles, palette
/// entries set before the cells that show them, wide glyphs written once.
@Suite struct FrameWriterTests {
  private func writer(_ mode: ColourMode = .indexed(.palette256), glyphs: GlyphSet = .unicode) -> FrameWriter {
    FrameWriter(glyphs: glyphs, colourMode: mode, hasDefaultColours: true, dialect: .ansi(colours: 256))
  }

  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func aRunOfEqualColoursIsOneSGRAndTheFrameEndsInTheNormalPen() {
    var writer = writer()
    var grid = CellGrid(width: 10, height: 1)
    grid.text("abcd", x: 2, y: 0, style: CellStyle(foreground: RGB(255, 0, 0)))
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[1;3H\u{1B}[38;5;196mabcd\u{1B}[m")
    #expect(writer.lastChangedCells == 4)
    #expect(writer.bytes(for: grid).isEmpty, "an unchanged frame writes nothing")
  }

  /// Each move is the shortest: home by CUP from nowhere, two blanks
  /// written again rather than `ESC[2C`, CUF over eleven, CR LF and two
  /// blanks to the next row's third column, CR LF LF to the first column
  /// two rows down.
  @Test func theCursorTakesTheShortestWayToEachChangedCell() {
    var writer = writer()
    var grid = CellGrid(width: 20, height: 4)
    #expect(writer.bytes(for: grid).isEmpty, "a blank frame on a cleared screen writes nothing")
    for (x, y) in [(0, 0), (3, 0), (15, 0), (2, 1), (0, 3)] { grid[x, y] = Cell("x") }
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[Hx  x\u{1B}[11Cx\r\n  x\r\n\nx")
  }

  @Test func cellsInAnotherStyleAreMovedOverNotWrittenAgain() {
    var writer = writer()
    var grid = CellGrid(width: 8, height: 2)
    let blue = CellStyle(foreground: RGB(0, 0, 255))
    grid.text("ab", x: 1, y: 0, style: blue)
    grid.text("ab", x: 0, y: 1, style: blue)
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[1;2H\u{1B}[38;5;21mab\r\nab\u{1B}[m")
    grid[0, 0] = Cell("x")
    grid[3, 0] = Cell("y")
    // Up from where the last frame left the cursor: CUP home; then the
    // blue "ab" lies between: CUF, not the cells.
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[Hx\u{1B}[2Cy")
    grid[2, 1] = Cell("w")
    grid[6, 1] = Cell("z")
    // From (4, 0): down one and back two (BS BS); then three blanks in the
    // normal pen are shorter than `ESC[3C`.
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[B\u{08}\u{08}w   z")
  }

  @Test func thePenChangesByDifferenceOrFromScratchWhicheverIsShorter() {
    func change(_ from: Pen, _ to: Pen) -> String {
      var bytes: [UInt8] = [], scratch: [UInt8] = []
      PenChange.append(from: from, to: to, dialect: .ansi(colours: 256), into: &bytes, scratch: &scratch)
      return text(bytes)
    }
    let boldRed = Pen(attributes: .bold, foreground: .indexed(1), background: .terminalDefault)
    #expect(change(.normal, boldRed) == "\u{1B}[1;31m")
    #expect(change(boldRed, Pen(attributes: [], foreground: .indexed(4), background: .terminalDefault)) == "\u{1B}[0;34m")
    #expect(change(boldRed, Pen(attributes: .bold, foreground: .indexed(4), background: .terminalDefault)) == "\u{1B}[34m")
    #expect(change(boldRed, Pen(attributes: .bold, foreground: .indexed(9), background: .indexed(200))) == "\u{1B}[91;48;5;200m")
    #expect(change(Pen(attributes: [], foreground: .indexed(196), background: .indexed(21)), .normal) == "\u{1B}[m")
    let dimUnderlined = Pen(attributes: [.bold, .dim, .underline], foreground: .rgb(RGB(1, 2, 3)), background: .terminalDefault)
    #expect(
      change(dimUnderlined, Pen(attributes: [.bold, .underline], foreground: .rgb(RGB(1, 2, 4)), background: .terminalDefault))
        == "\u{1B}[22;1;38;2;1;2;4m")
    #expect(change(boldRed, boldRed).isEmpty)
  }

  @Test func twentyFourBitColoursGoOutAsRGB() {
    var writer = writer(.escapes)
    var grid = CellGrid(width: 4, height: 1)
    grid[0, 0] = Cell("▀", foreground: RGB(250, 3, 7), background: RGB(1, 2, 3))
    grid[1, 0] = Cell("▀", foreground: RGB(250, 3, 7), background: RGB(1, 2, 3))
    grid[2, 0] = Cell("x", attributes: .bold)
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[H\u{1B}[38;2;250;3;7;48;2;1;2;3m▀▀\u{1B}[0;1mx\u{1B}[m")
  }

  @Test func aRedefinedPaletteEntryIsSetBeforeTheCellThatShowsIt() {
    var writer = writer(.palette(entries: 16..<256))
    var grid = CellGrid(width: 4, height: 1)
    grid[1, 0] = Cell("▀", foreground: RGB(12, 120, 240))
    let written = text(writer.bytes(for: grid))
    let number = XtermPalette.index256(ColourResolver.paletteColour(RGB(12, 120, 240)))
    #expect(written == "\u{1B}]4;\(number);rgb:0c/78/f0\u{1B}\\\u{1B}[1;2H\u{1B}[38;5;\(number)m▀\u{1B}[m")
    #expect(writer.redefinedPalette)
  }

  @Test func aWideGlyphIsWrittenOnceAndTheCursorCountsBothColumns() {
    var writer = writer()
    var grid = CellGrid(width: 6, height: 1)
    grid.text("中", x: 1, y: 0)
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[1;2H中")
    grid.put("x", x: 4, y: 0)
    #expect(text(writer.bytes(for: grid)) == " x", "from column 3, the blank before x is written again")
    var ascii = self.writer(glyphs: .ascii)
    #expect(text(ascii.bytes(for: grid)) == "\u{1B}[1;2H?? x")
  }

  @Test func theLastColumnLeavesTheCursorUnknownSoTheNextCellIsAddressed() {
    var writer = writer()
    var grid = CellGrid(width: 4, height: 2)
    grid[3, 0] = Cell("a")
    grid[0, 1] = Cell("b")
    #expect(text(writer.bytes(for: grid)) == "\u{1B}[1;4Ha\u{1B}[2Hb")
  }

  @Test func anotherSizeIsDrawnOnACleanSlate() {
    var writer = writer()
    _ = writer.bytes(for: CellGrid(width: 4, height: 1, filledWith: Cell("a")))
    #expect(text(writer.bytes(for: CellGrid(width: 3, height: 1, filledWith: Cell("a")))) == "\u{1B}[Haaa")
  }

  @Test func theWriterIsChosenByOptiscopeWriter() throws {
    #expect(try FrameWriterChoice(variable: nil) == .own)
    #expect(try FrameWriterChoice(variable: "") == .own)
    #expect(try FrameWriterChoice(variable: "own") == .own)
    #expect(try FrameWriterChoice(variable: "ncurses") == .ncurses)
    #expect(throws: TerminalError.unknownWriter("curses")) { try FrameWriterChoice(variable: "curses") }
    #expect(TerminalError.unknownWriter("curses").description == "OPTISCOPE_WRITER=\"curses\" names no frame writer: use 'own' (the default) or 'ncurses'")
  }
}
