#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OptimizerCore

/// Draws an optimizer's overlays from their shape and role alone: arrows,
/// segments, ellipses, boxes, polygons and marks.
enum OverlayPainter {
  /// The overlay's colour: the run's, tinted by what the overlay stands for.
  static func colour(of role: OverlayRole, runColour: RGB) -> RGB {
    switch role {
    case .gradient, .estimate: return runColour.mixed(with: RGB(255, 255, 255), 0.6)
    case .step: return runColour.mixed(with: RGB(255, 230, 120), 0.5)
    case .gravity, .centre: return runColour.mixed(with: RGB(255, 0, 255), 0.5)
    case .momentum, .scale, .covariance, .sampling, .searchBox, .simplex, .ensemble:
      return runColour.mixed(with: RGB(255, 255, 255), 0.3)
    case .accepted: return RunStyle.acceptedColour
    case .rejected: return RunStyle.rejectedColour
    case .death: return RunStyle.rejectedColour
    case .birth: return RunStyle.acceptedColour
    case .velocity, .mean, .best, .personalBest, .candidate, .parent, .offspring: return runColour
    }
  }

  /// The glyph of a marked point.
  static func glyph(of role: OverlayRole) -> Character {
    switch role {
    case .mean: return "+"
    case .centre, .gravity: return "⊙"
    case .best: return RunStyle.bestGlyph
    case .personalBest: return "·"
    case .candidate, .offspring, .ensemble: return "∘"
    case .parent: return "◉"
    case .accepted: return "+"
    case .rejected: return "×"
    case .death: return "†"
    case .birth: return "✦"
    case .step, .estimate, .scale, .velocity, .momentum, .gradient, .covariance, .sampling, .searchBox, .simplex:
      return "•"
    }
  }

  static func draw(_ overlay: Overlay, runColour: RGB, painter: Painter, into grid: inout CellGrid) {
    let colour = colour(of: overlay.role, runColour: runColour)
    switch overlay {
    case .arrow(let from, let to, _):
      painter.arrow(from: from, to: to, colour: colour, into: &grid)
    case .segment(let from, let to, _):
      painter.line(from: from, to: to, colour: colour, faint: 0.2, into: &grid)
    case .ellipse(let center, let semiAxes, _):
      ellipse(center: center, semiAxes: semiAxes, colour: colour, painter: painter, into: &grid)
    case .box(let lower, let upper, _):
      box(lower: lower, upper: upper, colour: colour, painter: painter, into: &grid)
    case .polygon(let vertices, _):
      for (i, vertex) in vertices.enumerated() {
        painter.line(from: vertex, to: vertices[(i + 1) % vertices.count], colour: colour, faint: 0.1, skipEnds: true, into: &grid)
      }
      for vertex in vertices { painter.mark(vertex, "o", colour: colour, attributes: .bold, into: &grid) }
    case .mark(let point, let role):
      painter.mark(point, glyph(of: role), colour: colour, faint: role == .personalBest ? 0.5 : 0, attributes: .bold, into: &grid)
    case .marks(let points, let role):
      let faint = role == .personalBest || role == .candidate ? 0.5 : 0
      for point in points { painter.mark(point, glyph(of: role), colour: colour, faint: faint, into: &grid) }
    case .flash(let points, let role, let fade):
      // Fresh flashes are bold; even the oldest stays visible (at most 0.8 faint).
      let faint = min(max(fade, 0), 1) * 0.8
      for point in points {
        painter.mark(point, glyph(of: role), colour: colour, faint: faint, attributes: fade <= 0 ? .bold : [], into: &grid)
      }
    }
  }

  /// The curve centre + cos t·a + sin t·b in dots, with enough points that
  /// neighbouring dots fall in neighbouring cells.
  static func ellipse(center: Vector, semiAxes: [Vector], colour: RGB, painter: Painter, into grid: inout CellGrid) {
    guard let a = semiAxes.first else { return }
    let b = semiAxes.count > 1 ? semiAxes[1] : Vector.zeros(a.dimension)
    let projection = painter.projection
    let size = projection.pixelSize
    // Semi-axes in pixels bound the perimeter: 2π·max.
    let extent: Double
    if projection.plane != nil {
      // On a plane: the semi-axes as they show on it.
      let (o, pa, pb) = (projection.pixel(center), projection.pixel(center + a), projection.pixel(center + b))
      extent = max(abs(pa.x - o.x), abs(pa.y - o.y), abs(pb.x - o.x), abs(pb.y - o.y))
    } else {
      extent = max(abs(a[0]) / size.x, abs(a.dimension > 1 ? a[1] : 0) / size.y, abs(b[0]) / size.x, abs(b.dimension > 1 ? b[1] : 0) / size.y)
    }
    guard extent.isFinite else { return }
    let count = min(max(Int(2 * Double.pi * extent * 1.5), 16), 2000)
    var point = center
    // Every coordinate the ellipse has (two on a 2-D landscape).
    let coordinates = min(center.dimension, a.dimension, b.dimension)
    for k in 0..<count {
      let t = 2 * Double.pi * Double(k) / Double(count)
      let (c, s) = (cos(t), sin(t))
      for i in 0..<coordinates { point[i] = center[i] + c * a[i] + s * b[i] }
      painter.mark(point, "·", colour: colour, into: &grid)
    }
  }

  /// An axis-aligned box in box-drawing characters, clipped to the map; on
  /// an axes plane its sides along those axes, and on a rotated plane,
  /// which cuts it in no rectangle, nothing.
  static func box(lower: Vector, upper: Vector, colour: RGB, painter: Painter, into grid: inout CellGrid) {
    let projection = painter.projection
    let rect = projection.rect
    var (i, j) = (0, 1)
    if let plane = projection.plane {
      guard let axes = plane.axes, lower.dimension > max(axes.first, axes.second) else { return }
      (i, j) = (axes.first, axes.second)
    }
    // Landscape y points up, so the upper corner is the top row.
    func cell(_ u: Double, _ v: Double) -> (x: Int, y: Int) {
      let (px, py) = projection.pixel(u: u, v: v)
      return (rect.x + MapProjection.floorInt(px), rect.y + MapProjection.floorInt(py / 2))
    }
    let topLeft = cell(lower[i], upper.dimension > j ? upper[j] : 0)
    let bottomRight = cell(upper[i], lower.dimension > j ? lower[j] : 0)
    let (left, right) = (topLeft.x, max(bottomRight.x, topLeft.x + 1))
    let (top, bottom) = (topLeft.y, max(bottomRight.y, topLeft.y + 1))
    func put(_ glyph: Character, _ x: Int, _ y: Int) {
      if rect.contains(x: x, y: y) { grid.stamp(glyph, x: x, y: y, colour: colour) }
    }
    let columns = max(left + 1, rect.x)..<min(right, rect.maxX)
    let rows = max(top + 1, rect.y)..<min(bottom, rect.maxY)
    for x in columns {
      put("─", x, top)
      put("─", x, bottom)
    }
    for y in rows {
      put("│", left, y)
      put("│", right, y)
    }
    put("┌", left, top)
    put("┐", right, top)
    put("└", left, bottom)
    put("┘", right, bottom)
  }
}
