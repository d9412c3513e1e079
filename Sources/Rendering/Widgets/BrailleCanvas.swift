/// A canvas of braille dots: each cell holds 2×4 dots, so a chart of w×h
/// cells has 2w×4h points of resolution.
///
/// Each cell takes the colour of the last dot set in it (the terminal has
/// one foreground per cell).
public struct BrailleCanvas: Sendable {
  public let columns: Int
  public let rows: Int
  private var bits: [UInt8]
  private var colours: [RGB?]

  public init(columns: Int, rows: Int) {
    self.columns = max(columns, 0)
    self.rows = max(rows, 0)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    colours = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// Dots across and down.
  public var dotWidth: Int { columns * 2 }
  public var dotHeight: Int { rows * 4 }

  /// The bit of the dot at (column, row) inside its cell, as U+2800 + bits
  /// numbers them: dots 1–3 and 7 down the left, 4–6 and 8 down the right.
  static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// The braille character with these dots raised.
  public static func glyph(bits: UInt8) -> Character { Character(Unicode.Scalar(0x2800 + UInt32(bits))!) }

  /// Raises the dot at (x, y), y down; dots off the canvas are ignored.
  public mutating func set(x: Int, y: Int, colour: RGB? = nil) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / 4) * columns + x / 2
    bits[index] |= Self.dotBits[x % 2][y % 4]
    if let colour { colours[index] = colour }
  }

  /// Raises the dots of the line from one dot to another (Bresenham).
  public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), colour: RGB? = nil) {
    CellRaster.line(from: start, to: end, clippedTo: Rect(width: dotWidth, height: dotHeight)) { x, y in
      set(x: x, y: y, colour: colour)
    }
  }

  /// True when the dot at (x, y) is raised.
  public func isSet(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
    return bits[(y / 4) * columns + x / 2] & Self.dotBits[x % 2][y % 4] != 0
  }

  /// Writes the cells that have a raised dot into `grid` with their top-left
  /// corner at (x, y). Empty cells are left alone; drawn cells keep what
  /// the eye saw behind them as their background.
  public func draw(into grid: inout CellGrid, x: Int, y: Int, colour fallback: RGB? = nil) {
    for row in 0..<rows {
      for column in 0..<columns {
        let index = row * columns + column
        guard bits[index] != 0 else { continue }
        let glyph = Self.glyph(bits: bits[index])
        if let colour = colours[index] ?? fallback {
          grid.stamp(glyph, x: x + column, y: y + row, colour: colour)
        } else {
          grid.put(glyph, x: x + column, y: y + row)
        }
      }
    }
  }
}
