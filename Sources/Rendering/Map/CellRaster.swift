#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines and direction glyphs in cell space.
///
/// Directions are measured in pixels, which are square: one column is one
/// pixel wide and one row is two pixels tall, so a step of (dx, dy) cells
/// is a visual direction of (dx, 2·dy), with y pointing down.
enum CellRaster {
  /// Visits every cell of the Bresenham line from (x0, y0) to (x1, y1),
  /// both ends included, in order.
  static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), _ visit: (Int, Int) -> Void) {
    var (x, y) = start
    let dx = abs(end.x - x), dy = -abs(end.y - y)
    let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
    var error = dx + dy
    // A long line far off the map is cut short: nothing beyond ~4 screens
    // of cells is visited.
    var budget = 4096
    while budget > 0 {
      visit(x, y)
      if x == end.x && y == end.y { return }
      let doubled = 2 * error
      if doubled >= dy { error += dy; x += sx }
      if doubled <= dx { error += dx; y += sy }
      budget -= 1
    }
  }

  /// The line glyph closest to a visual direction: ─ │ ╱ ╲.
  static func lineGlyph(dx: Double, dy: Double) -> Character {
    let angle = atan2Degrees(-dy, dx)
    let folded = (angle + 180).truncatingRemainder(dividingBy: 180)
    switch folded {
    case ..<22.5, 157.5...: return "─"
    case 22.5..<67.5: return "╱"
    case 67.5..<112.5: return "│"
    default: return "╲"
    }
  }

  /// The arrow glyph closest to a visual direction (y down): → ↗ ↑ ↖ ← ↙ ↓ ↘.
  static func arrowGlyph(dx: Double, dy: Double) -> Character {
    let arrows: [Character] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
    let angle = atan2Degrees(-dy, dx)
    let sector = Int(((angle + 360 + 22.5) / 45).rounded(.down)) % 8
    return arrows[sector]
  }

  /// atan2 in degrees, in (−180, 180].
  private static func atan2Degrees(_ y: Double, _ x: Double) -> Double {
    atan2(y, x) * 180 / Double.pi
  }
}

extension CellGrid {
  /// What the eye sees behind a cell's glyph: for a heat map cell (▀) the
  /// mean of its two pixels, else its background (nil: the terminal's).
  func backdrop(x: Int, y: Int) -> RGB? {
    guard let cell = cell(x: x, y: y) else { return nil }
    if cell.glyph == "▀", let upper = cell.foreground {
      return upper.mixed(with: cell.background ?? upper, 0.5)
    }
    return cell.background
  }

  /// Draws a marker glyph over whatever is there: the cell keeps what the
  /// eye saw behind it as its background. `faint` ∈ [0, 1] fades the
  /// colour into that backdrop (black where the terminal's background shows).
  mutating func stamp(
    _ glyph: Character, x: Int, y: Int, colour: RGB, faint: Double = 0, attributes: CellAttributes = []
  ) {
    guard contains(x: x, y: y) else { return }
    let behind = backdrop(x: x, y: y)
    let shown = faint > 0 ? colour.mixed(with: behind ?? RGB(0, 0, 0), faint) : colour
    self[x, y] = Cell(glyph, foreground: shown, background: behind, attributes: attributes)
  }
}
