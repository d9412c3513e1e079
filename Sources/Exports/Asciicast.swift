import Foundation
import Rendering

/// An asciicast v2 recording (the format asciinema plays): a JSON header
/// line, then one `[seconds, "o", text]` line per frame.
///
/// Frames are screens of ANSI rows as `Export.ansi` writes them: every SGR
/// sequence there resets and sets the whole style, so each glyph's look is
/// the last sequence before it. The first frame hides the cursor, clears
/// the screen and draws every cell; later frames redraw only the cells
/// that changed, in spans that each start with a cursor move
/// (`ESC[row;colH`) and the style of their first cell. The player's screen
/// is then always exactly the last frame, never a scrollback of frames,
/// and a frame where a few particles moved costs a few dozen bytes, not a
/// screenful. The header has no timestamp, so the same replay writes the
/// same file.
public struct Asciicast: Sendable {
  public let width: Int
  public let height: Int
  /// The file so far: the header and every frame added, one JSON value a
  /// line.
  public private(set) var text: String
  /// Frames added.
  public private(set) var frames = 0
  /// When the last frame is shown.
  private var lastTime = 0.0
  /// The screen as the player shows it now, row by row.
  private var shown: [[Cell]] = []

  /// One glyph and the SGR sequence in force for it.
  struct Cell: Equatable, Sendable {
    var style: Substring
    var glyph: Character
  }

  /// Unchanged cells between two changes that a span bridges rather than
  /// start a new span (a cursor move costs about as much).
  static let bridgedGap = 8

  public init(width: Int, height: Int, title: String) {
    self.width = width
    self.height = height
    text = "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"title\": \(jsonQuoted(title))}\n"
  }

  /// Adds a frame shown at `seconds` after the start. `screen` is one ANSI
  /// row per line, `height` lines of `width` glyphs.
  public mutating func add(screen: String, at seconds: Double) {
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(height).map(Self.cells)
    var output = frames == 0 ? "\u{1B}[?25l\u{1B}[2J" : ""
    for (y, row) in rows.enumerated() {
      let old = y < shown.count ? shown[y] : []
      func changed(_ x: Int) -> Bool { x >= old.count || old[x] != row[x] }
      var x = 0
      while x < row.count {
        guard changed(x) else {
          x += 1
          continue
        }
        var last = x, next = x + 1
        while next < row.count, next - last <= Self.bridgedGap {
          if changed(next) { last = next }
          next += 1
        }
        output += "\u{1B}[\(y + 1);\(x + 1)H"
        var style: Substring?
        for cell in row[x...last] {
          if cell.style != style { output += cell.style }
          style = cell.style
          output.append(cell.glyph)
        }
        x = last + 1
      }
    }
    if !output.isEmpty { output += "\u{1B}[0m" }
    shown = rows
    frames += 1
    lastTime = seconds
    text += "[\(String(format: "%.6f", seconds)), \"o\", \(jsonQuoted(output))]\n"
  }

  /// The file, ending with an event at the last frame's time that shows
  /// the cursor again on the bottom row, so that a terminal playing the
  /// file (`asciinema cat`) is left with a cursor.
  public var finished: String {
    text + "[\(String(format: "%.6f", lastTime)), \"o\", \(jsonQuoted(Self.ending(height: height)))]\n"
  }

  /// The last event's output: the cursor to the bottom row, then shown.
  public static func ending(height: Int) -> String { "\u{1B}[\(height);1H\u{1B}[?25h" }

  /// A row's glyphs, each with the escape sequence last seen before it.
  static func cells(_ row: Substring) -> [Cell] {
    var cells: [Cell] = []
    var style: Substring = ""
    var index = row.startIndex
    while index < row.endIndex {
      if row[index] == "\u{1B}", let end = row[index...].firstIndex(where: \.isLetter) {
        style = row[index...end]
        index = row.index(after: end)
        continue
      }
      cells.append(Cell(style: style, glyph: row[index]))
      index = row.index(after: index)
    }
    return cells
  }


}
