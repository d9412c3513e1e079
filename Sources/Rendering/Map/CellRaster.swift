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
    while true {
      visit(x, y)
      if x == end.x && y == end.y { return }
      let doubled = 2 * error
      if doubled >= dy { error += dy; x += sx }
      if doubled <= dx { error += dx; y += sy }
    }
  }

  /// The Bresenham line from `start` to `end` cut to the cells of `rect`
  /// (Liang–Barsky), so that a line to a point far off the map costs no
  /// more than the map is wide. Visits nothing when the line misses it.
  static func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), clippedTo rect: Rect, _ visit: (Int, Int) -> Void) {
    guard !rect.isEmpty else { return }
    if rect.contains(x: start.x, y: start.y) && rect.contains(x: end.x, y: end.y) {
      line(from: start, to: end, visit)
      return
    }
    let (x0, y0) = (Double(start.x), Double(start.y))
    let (dx, dy) = (Double(end.x) - x0, Double(end.y) - y0)
    var (t0, t1) = (0.0, 1.0)
    // Each side: p·t ≤ q keeps the point inside it.
    let sides = [
      (-dx, x0 - Double(rect.x)), (dx, Double(rect.maxX - 1) - x0),
      (-dy, y0 - Double(rect.y)), (dy, Double(rect.maxY - 1) - y0),
    ]
    for (p, q) in sides {
      if p == 0 {
        if q < 0 { return }
      } else {
        let t = q / p
        if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
      }
    }
    guard t0 <= t1 else { return }
    let a = (x: Int((x0 + t0 * dx).rounded()), y: Int((y0 + t0 * dy).rounded()))
    let b = (x: Int((x0 + t1 * dx).rounded()), y: Int((y0 + t1 * dy).rounded()))
    line(from: a, to: b) { x, y in if rect.contains(x: x, y: y) { visit(x, y) } }
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
