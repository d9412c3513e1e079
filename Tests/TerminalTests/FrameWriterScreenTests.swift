import Rendering
import Testing

@testable import Terminal

/// Our own writer on real ncurses screens standing in for terminals: part
/// of the serialized `VirtualScreenTests` (one ncurses screen per process).
extension VirtualScreenTests {
  private func written(_ screen: CursesScreen, from offset: Int = 0) -> String {
    String(decoding: screen.writtenBytes(from: offset), as: UTF8.self)
  }

  @Test func theDialectSpellsColoursAsTerminfoDoes() throws {
    let screen = try CursesScreen.virtual(term: "xterm-256color", width: 10, height: 2)
    defer { screen.close() }
    let dialect = try #require(TerminalDialect.ofCurrentTerminal(colours: screen.capabilities.colours))
    let ansi = TerminalDialect.ansi(colours: 256)
    for n: Int32 in [0, 7, 9, 15, 16, 200, 255] {
      #expect(dialect.parameters(foreground: n) == ansi.parameters(foreground: n), "foreground \(n)")
      #expect(dialect.parameters(background: n) == ansi.parameters(background: n), "background \(n)")
    }
    #expect(String(decoding: dialect.parameters(foreground: 9), as: UTF8.self) == "91")
    let define = try #require(dialect.paletteDefinition)
    let definition = String(decoding: define(20, RGB(255, 0, 128)), as: UTF8.self)
    #expect(definition == "\u{1B}]4;20;rgb:FF/00/80\u{1B}\\")
  }

  /// vt52 moves the cursor with ESC Y and two characters: not ECMA-48.
  @Test func aTerminalThatSpeaksNoECMA48GetsTheNcursesPath() throws {
    let screen = try CursesScreen.virtual(term: "vt52", width: 20, height: 4)
    defer { screen.close() }
    #expect(FrameWriter(screen: screen) == nil)
  }

  @Test func theOwnWriterClearsThroughNcursesThenWritesOnlyWhatChanged() throws {
    let clear = "\u{1B}[H\u{1B}[J"  // tmux-256color's `clear`
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 40, height: 12)
    defer { screen.close() }
    var writer = try #require(FrameWriter(screen: screen))
    var grid = CellGrid(width: 40, height: 12)
    grid.text("step 41", x: 31, y: 1)
    writer.present(grid, on: screen)
    let first = written(screen)
    #expect(first.contains(clear + "\u{1B}[2;32Hstep 41"), "\(first.debugDescription)")
    let before = screen.bytesWritten
    grid.text("step 42", x: 31, y: 1)
    writer.present(grid, on: screen)
    #expect(written(screen, from: before) == "\u{08}2", "one back from where \"41\" left the cursor")
    let beforeResize = screen.bytesWritten
    writer.invalidate()
    writer.present(grid, on: screen)
    #expect(written(screen, from: beforeResize).contains(clear))
  }

  @Test func aPaletteTheOwnWriterRedefinedIsPutBackAtTheEnd() throws {
    let screen = try CursesScreen.virtual(term: "xterm-256color", width: 10, height: 2)
    var writer = try #require(FrameWriter(screen: screen))
    writer.present(CellGrid(width: 10, height: 2, filledWith: Cell("▀", foreground: RGB(12, 120, 240))), on: screen)
    #expect(written(screen).contains("\u{1B}]4;"))
    let beforeClose = screen.bytesWritten
    writer.finish(on: screen)
    screen.close()
    #expect(written(screen, from: beforeClose).contains("\u{1B}]104"))
  }

  /// The benchmark's frames, through both writers: ours sends fewer bytes
  /// whatever moves (particles, the whole map, at both sizes).
  @Test func theOwnWriterSendsNoMoreBytesThanNcurses() throws {
    for (width, height, particles, shift) in [(120, 40, 30, 0.0), (120, 40, 30, 1.0 / 3), (200, 60, 1000, 0.0)] {
      let scene = BenchmarkScene(width: width, height: height, particleCount: particles)
      var bytes: [FrameWriterChoice: Int] = [:]
      for writer in FrameWriterChoice.allCases {
        let result = try TerminalBenchmark.measure(
          name: "\(writer)", summary: "", term: "tmux-256color", scene: scene, frames: 3,
          mapShift: { Double($0) * shift }, goal: .milliseconds(2), writer: writer)
        bytes[writer] = Int(result.meanBytesPerFrame)
      }
      #expect(bytes[.own]! > 0)
      #expect(bytes[.own]! <= bytes[.ncurses]!, "\(width)×\(height), \(particles) particles, shift \(shift): \(bytes)")
    }
  }
}
