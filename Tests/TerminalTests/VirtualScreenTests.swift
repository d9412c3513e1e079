import Glibc
import Rendering
import Testing

@testable import Terminal

/// Frames presented through real ncurses onto a file standing in for the
/// terminal: what reaches the terminal, byte for byte. ncurses has one
/// current screen per process, so these run one at a time.
@Suite(.serialized) struct VirtualScreenTests {
  private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  private func scene() -> CellGrid {
    var grid = CellGrid(width: 40, height: 12)
    for y in 0..<10 {
      for x in 0..<30 {
        grid[x, y] = Cell("▀", foreground: RGB(UInt8(x * 8), 40, UInt8(y * 20)), background: RGB(20, UInt8(x * 8), 90))
      }
    }
    grid.text("step 41", x: 31, y: 1)
    return grid
  }

  @Test func anUnchangedFrameWritesNothingAndOneChangedCellWritesOnlyItself() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 40, height: 12)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = scene()
    presenter.present(grid, on: screen)
    let afterFirst = screen.bytesWritten
    #expect(afterFirst > 40 * 12)

    presenter.present(grid, on: screen)
    #expect(screen.bytesWritten == afterFirst)
    #expect(presenter.lastChangedCells == 0)

    grid.text("step 42", x: 31, y: 1)
    presenter.present(grid, on: screen)
    let written = text(screen.writtenBytes(from: afterFirst))
    #expect(presenter.lastChangedCells == 1)
    #expect(written.contains("2"))
    #expect(!written.contains("step"))
    #expect(written.utf8.count < 24)
  }

  @Test func theScreenIsClearedForTheFirstFrameAndAfterAResizeOnly() throws {
    let clear = "\u{1B}[H\u{1B}[J"  // tmux-256color's `clear`
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 40, height: 12)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = scene()
    presenter.present(grid, on: screen)
    #expect(text(screen.writtenBytes(from: 0)).contains(clear))

    let beforeChanges = screen.bytesWritten
    for step in 42..<50 {
      grid.text("step \(step)", x: 31, y: 1)
      grid[step - 42, 3] = Cell("●", foreground: RGB(255, 120, 60))
      presenter.present(grid, on: screen)
    }
    #expect(!text(screen.writtenBytes(from: beforeChanges)).contains(clear))

    let beforeResize = screen.bytesWritten
    presenter.invalidate()
    presenter.present(grid, on: screen)
    #expect(text(screen.writtenBytes(from: beforeResize)).contains(clear))
  }

  @Test func colourPairsAreMadeOncePerDistinctCombination() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 10, height: 2)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 10, height: 2)
    let red = RGB(255, 0, 0), blue = RGB(0, 0, 255)
    for x in 0..<10 {
      grid[x, 0] = Cell("▀", foreground: x % 2 == 0 ? red : blue, background: blue)
      grid[x, 1] = Cell("x", foreground: red)
    }
    presenter.present(grid, on: screen)
    #expect(presenter.colours.pairStatistics.defined == 3)
    grid[0, 1] = Cell("y", foreground: blue, background: blue)
    presenter.present(grid, on: screen)
    #expect(presenter.colours.pairStatistics.defined == 3)
    #expect(presenter.colours.pairStatistics.reused == 0)
  }

  @Test func aRedefinablePaletteIsSetAndRestoredAtTheEnd() throws {
    let screen = try CursesScreen.virtual(term: "xterm-256color", width: 10, height: 2)
    var presenter = FramePresenter(screen: screen)
    #expect(screen.capabilities.colourMode == .palette(entries: 16..<256))
    presenter.present(CellGrid(width: 10, height: 2, filledWith: Cell("▀", foreground: RGB(12, 120, 240))), on: screen)
    let drawn = text(screen.writtenBytes(from: 0))
    #expect(drawn.contains("\u{1B}]4;"))
    let beforeClose = screen.bytesWritten
    screen.close()
    #expect(text(screen.writtenBytes(from: beforeClose)).contains("\u{1B}]104"))
  }

  @Test func aLocaleThatIsNotUTF8GetsASCIIStandIns() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 6, height: 1, isUTF8: false)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 6, height: 1)
    grid.text("┌─●→│", x: 0, y: 0)
    presenter.present(grid, on: screen)
    let bytes = screen.writtenBytes(from: 0)
    #expect(bytes.allSatisfy { $0 < 0x80 })
    #expect(text(bytes).contains("+-o>|"))
  }

  @Test func noColorSendsNoColours() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 8, height: 2, noColor: true)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 8, height: 2)
    grid.fill(Rect(width: 6, height: 1), glyph: "░", style: CellStyle(foreground: RGB(255, 0, 0)))
    presenter.present(grid, on: screen)
    let written = text(screen.writtenBytes(from: 0))
    #expect(!written.contains("38;5;"))
    #expect(written.contains("░░░░░░"))
  }

  @Test func anUnknownTerminalIsAnErrorThatNamesIt() {
    #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
      try CursesScreen.virtual(term: "no-such-terminal-xyz", width: 10, height: 2)
    }
    #expect(TerminalError.unknownTerminal("no-such-terminal-xyz").description.contains("TERM=no-such-terminal-xyz"))
  }

  @Test func aTerminalThatCannotAddressTheCursorIsRefusedNamingATerminalToUse() {
    #expect(throws: TerminalError.cannotAddressCursor("dumb")) {
      try CursesScreen.virtual(term: "dumb", width: 80, height: 24)
    }
    let message = TerminalError.cannotAddressCursor("dumb").description
    #expect(message.hasPrefix("this terminal (TERM=dumb) cannot address the cursor"))
    #expect(message.contains("TERM=xterm-256color") && message.contains("--headless"))
  }

  /// vt100 has no alternate screen: the frame is cleared at the end rather
  /// than left under the shell's prompt, by ncurses and by the crash
  /// handler's bytes (without terminfo's padding, which only ncurses reads).
  @Test func aTerminalWithoutAnAlternateScreenIsClearedAtTheEnd() throws {
    let screen = try CursesScreen.virtual(term: "vt100", width: 20, height: 4)
    presenterDraws(on: screen)
    #expect(screen.restoreSequence.contains("\u{1B}[H\u{1B}[J"))
    #expect(!screen.restoreSequence.contains("$<"))
    let beforeClose = screen.bytesWritten
    screen.close()
    #expect(text(screen.writtenBytes(from: beforeClose)).contains("\u{1B}[H\u{1B}[J"))
  }

  @Test func aTerminalWithAnAlternateScreenLeavesItInsteadOfClearing() throws {
    let screen = try CursesScreen.virtual(term: "xterm-256color", width: 20, height: 4)
    presenterDraws(on: screen)
    #expect(screen.restoreSequence.contains("\u{1B}[?1049l"))
    let beforeClose = screen.bytesWritten
    screen.close()
    let closing = text(screen.writtenBytes(from: beforeClose))
    #expect(closing.contains("\u{1B}[?1049l") && !closing.contains("\u{1B}[H\u{1B}[2J"))
  }

  private func presenterDraws(on screen: CursesScreen) {
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 20, height: 4)
    grid.text("step 41", x: 0, y: 0)
    presenter.present(grid, on: screen)
  }

  @Test func theBenchmarkMeasuresEveryWorkloadOnBothPalettes() throws {
    let results = try TerminalBenchmark.run(frames: 3)
    #expect(results.count == 8)
    #expect(results.suffix(2).map(\.name) == ["present/200x60/1000-particles/own-writer", "present/200x60/1000-particles/ncurses"])
    for result in results {
      #expect(result.frames == 3)
      #expect(result.meanBytesPerFrame > 0)
    }
  }
}

/// COLORTERM=truecolor on a terminfo entry without direct colour: the
/// cells go out past ncurses as 24-bit SGR sequences. Part of the
/// serialized `VirtualScreenTests`: a suite of its own would open ncurses
/// screens while those do (one current terminal per process).
extension VirtualScreenTests {
  @Test func cellsAreWrittenWithTheir24BitColoursAndOnlyWhatChanged() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 12, height: 3, colourTermIsDirect: true)
    defer { screen.close() }
    #expect(screen.capabilities.colourMode == .escapes)
    #expect(screen.capabilities.profile.colourDepth == .trueColour)
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 12, height: 3)
    grid[2, 1] = Cell("▀", foreground: RGB(250, 3, 7), background: RGB(1, 2, 3))
    grid[3, 1] = Cell("▀", foreground: RGB(250, 3, 7), background: RGB(1, 2, 3))
    grid[4, 1] = Cell("x", attributes: .bold)
    presenter.present(grid, on: screen)
    let first = String(decoding: screen.writtenBytes(from: 0), as: UTF8.self)
    #expect(first.contains("\u{1B}[2;1H  \u{1B}[0;38;2;250;3;7;48;2;1;2;3m▀▀\u{1B}[0;1;39;49mx"), "\(first.debugDescription)")
    let before = screen.bytesWritten
    grid[4, 1] = Cell("y", foreground: RGB(10, 200, 30))
    presenter.present(grid, on: screen)
    let second = String(decoding: screen.writtenBytes(from: before), as: UTF8.self)
    #expect(second.hasSuffix("\u{1B}[2;5H\u{1B}[0;38;2;10;200;30;49my\u{1B}[0m"), "\(second.debugDescription)")
    #expect(presenter.lastChangedCells == 1)
  }

  @Test func colorTermTruecolorOr24bitAsksForDirectColour() {
    #expect(TerminalCapabilities.requestsDirectColour(["COLORTERM": "truecolor"]))
    #expect(TerminalCapabilities.requestsDirectColour(["COLORTERM": "24bit"]))
    #expect(!TerminalCapabilities.requestsDirectColour(["COLORTERM": "yes"]))
    #expect(!TerminalCapabilities.requestsDirectColour([:]))
    let noColour = TerminalCapabilities(
      colours: 256, colourPairs: 0, canChangePalette: false, isUTF8: true, noColor: true, colourTermIsDirect: true)
    #expect(noColour.colourMode == .none, "NO_COLOR still wins")
  }
}
