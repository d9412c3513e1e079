import Foundation

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
    text = Self.line(Header(width: width, height: height, title: title))
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
    text += Self.line(Event(seconds: seconds, output: output))
  }

  /// The file, ending with an event at the last frame's time that shows
  /// the cursor again on the bottom row, so that a terminal playing the
  /// file (`asciinema cat`) is left with a cursor.
  public var finished: String {
    text + Self.line(Event(seconds: lastTime, output: Self.ending(height: height)))
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

  /// The header line's object.
  struct Header: Encodable {
    let version = 2
    let width: Int
    let height: Int
    let title: String
  }

  /// An output event: `[seconds, "o", text]`, the time to the microsecond
  /// as players read it (so that times stay short and the same replay
  /// writes the same file).
  struct Event: Encodable {
    let seconds: Double
    let output: String

    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode((seconds * 1e6).rounded() / 1e6)
      try container.encode("o")
      try container.encode(output)
    }
  }

  /// One JSON value and its line break, written by JSONEncoder: keys
  /// sorted, since it keeps no order of its own and the same replay must
  /// write the same bytes.
  static func line(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self).escapingRawJSONControls() + "\n"
    } catch {
      // JSONEncoder refuses only NaN and the infinities; a frame's time is
      // a finite count of seconds.
      preconditionFailure("an asciicast line could not be encoded: \(error)")
    }
  }
}
