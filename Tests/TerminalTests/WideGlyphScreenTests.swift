import Glibc
import Rendering
import Testing

@testable import Terminal

/// Wide glyphs through real ncurses: part of the serialized
/// `VirtualScreenTests`, since ncurses has one screen per process and the
/// locale is the process's.
extension VirtualScreenTests {
  @Test func aWideGlyphIsWrittenOnceAndItsNeighboursKeepTheirColumns() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 10, height: 1)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 10, height: 1)
    grid.text("中文", x: 1, y: 0)
    grid.put("│", x: 9, y: 0)
    presenter.present(grid, on: screen)
    let first = String(decoding: screen.writtenBytes(from: 0), as: UTF8.self)
    #expect(first.contains("中文"), "two glyphs side by side, no continuation between them")
    #expect(!first.contains("\u{200B}"))

    let before = screen.bytesWritten
    grid.text("日", x: 3, y: 0)
    presenter.present(grid, on: screen)
    let second = String(decoding: screen.writtenBytes(from: before), as: UTF8.self)
    #expect(presenter.lastChangedCells == 2)
    #expect(second.contains("日"))
    #expect(!second.contains("中") && !second.contains("│"))
  }

  @Test func withoutUTF8AWideGlyphShowsAStandInPerColumn() throws {
    let screen = try CursesScreen.virtual(term: "tmux-256color", width: 6, height: 1, isUTF8: false)
    defer { screen.close() }
    var presenter = FramePresenter(screen: screen)
    var grid = CellGrid(width: 6, height: 1)
    grid.text("a中|", x: 0, y: 0)
    presenter.present(grid, on: screen)
    #expect(String(decoding: screen.writtenBytes(from: 0), as: UTF8.self).contains("a??|"))
  }

  /// ncurses places a glyph by the C library's wcwidth under a UTF-8
  /// locale, so the grid must count the same columns for what frames show.
  @Test func theGridCountsColumnsAsTheCLibraryDoes() throws {
    if !CursesScreen.localeIsUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
    let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
    let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    let ranges: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0x4FF,  // Latin, combining diacritics, Greek, Cyrillic
      0x1100...0x11FF,  // Hangul jamo
      0x2000...0x2BFF,  // punctuation, arrows, mathematics, box drawing, blocks, shapes, symbols, dingbats, braille
      0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE00...0xFFEF,  // CJK, kana, Hangul, fullwidth
      0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,  // emoji
    ]
    var differences: [String] = []
    for value in ranges.joined() {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = Int(wcwidth(Int32(value)))
      if expected >= 0 && DisplayWidth.columns(of: scalar) != expected {
        differences.append("U+\(String(value, radix: 16, uppercase: true)): \(DisplayWidth.columns(of: scalar)) not \(expected)")
      }
    }
    #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: ", "))")
  }
}
