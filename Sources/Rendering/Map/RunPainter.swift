import OptimizerCore
import ViewModel

/// Draws runs over the map: fading trails, what-if paths, the last step's probes, the
/// optimizers' overlays, accepted and rejected moves, each run's best
/// point, the particles over all of them, and arrows on the edge for
/// particles out of view.
///
/// Each layer is drawn for every run before the next layer, so that no
/// run's trail hides another run's particles.
public enum RunPainter {
  /// Draws the layers `view` asks for. `braille` draws particles as
  /// braille dots at sub-cell positions (2×4 per cell), for dense swarms;
  /// `edgeArrows` marks particles outside the view on the map's edge.
  public static func draw(
    _ runs: [RunLayer], into grid: inout CellGrid, projection: MapProjection, view: MapView = MapView(),
    braille: Bool = false, edgeArrows: Bool = true
  ) {
    let painter = Painter(projection: projection)
    if view.trails {
      for run in runs { if let trail = run.trail { painter.trail(trail, colour: run.style.colour, into: &grid) } }
    }
    for run in runs {
      if let whatIf = run.whatIf { painter.path(whatIf.points, colour: run.style.colour, faint: WhatIfPath.faint, into: &grid) }
    }
    if view.probes {
      for run in runs {
        for probe in run.probes { painter.mark(probe.position, "∘", colour: run.style.colour, faint: 0.55, into: &grid) }
      }
    }
    if view.overlays {
      for run in runs {
        for overlay in run.inspection.overlays where !overlay.isFlash {
          OverlayPainter.draw(overlay, runColour: run.style.colour, painter: painter, into: &grid)
        }
      }
    }
    if view.probes {
      for run in runs { painter.moves(run.events, into: &grid) }
    }
    // Deaths and births above the moves, so that a member's last accepted
    // move does not hide where it died; the particles still come on top.
    if view.overlays {
      for run in runs {
        for overlay in run.inspection.overlays where overlay.isFlash {
          OverlayPainter.draw(overlay, runColour: run.style.colour, painter: painter, into: &grid)
        }
      }
    }
    for run in runs {
      if let best = run.best { painter.mark(best.position, RunStyle.bestGlyph, colour: run.style.colour, attributes: .bold, into: &grid) }
    }
    // Particles last: no marker (a best, a probe, a move, the minimum
    // underneath) ever hides one.
    for run in runs {
      if braille {
        painter.brailleParticles(run.particles, colour: run.style.colour, into: &grid)
      } else {
        // On a plane through more dimensions, fainter the farther from it.
        for particle in run.particles {
          painter.mark(
            particle.position, run.style.glyph, colour: run.style.colour,
            faint: projection.faintness(of: particle.position), attributes: .bold, into: &grid)
        }
      }
    }
    if edgeArrows {
      for run in runs { painter.edgeArrows(run.particles, colour: run.style.colour, into: &grid) }
    }
  }
}

extension Overlay {
  /// True for the marks of past deaths and births.
  var isFlash: Bool {
    if case .flash = self { return true }
    return false
  }
}

/// Drawing primitives in the map's cell space, clipped to the map.
struct Painter {
  let projection: MapProjection
  var rect: Rect { projection.rect }

  /// A glyph at the cell of a landscape point, if it is on the map.
  func mark(
    _ point: Vector, _ glyph: Character, colour: RGB, faint: Double = 0, attributes: CellAttributes = [],
    into grid: inout CellGrid
  ) {
    guard let (x, y) = projection.cell(point) else { return }
    grid.stamp(glyph, x: x, y: y, colour: colour, faint: faint, attributes: attributes)
  }

  /// A line between two landscape points in line glyphs (─ │ ╱ ╲) or a
  /// fixed glyph; `skipEnds` leaves the first and last cell alone (where a
  /// particle or an arrow head goes).
  func line(
    from a: Vector, to b: Vector, glyph: Character? = nil, colour: RGB, faint: Double = 0, skipEnds: Bool = false,
    into grid: inout CellGrid
  ) {
    let start = projection.unclippedCell(a), end = projection.unclippedCell(b)
    let shape = (glyph ?? CellRaster.lineGlyph(dx: Double(end.x - start.x), dy: Double(2 * (end.y - start.y)))).unicodeScalars.first!
    let fade = Int(faint * 256)
    CellRaster.line(from: start, to: end, clippedTo: rect) { x, y in
      if skipEnds && ((x, y) == start || (x, y) == end) { return }
      grid.stamp(shape, x: x, y: y, colour: colour, fade: fade)
    }
  }

  /// An arrow from a to b: its shaft and a head at b pointing along it.
  func arrow(from a: Vector, to b: Vector, colour: RGB, into grid: inout CellGrid) {
    let start = projection.unclippedCell(a), end = projection.unclippedCell(b)
    let (pa, pb) = (projection.pixel(a), projection.pixel(b))
    line(from: a, to: b, colour: colour, faint: 0.2, skipEnds: true, into: &grid)
    guard start != end || (pb.x - pa.x).magnitude + (pb.y - pa.y).magnitude > 0.5 else { return }
    let head = CellRaster.arrowGlyph(dx: pb.x - pa.x, dy: pb.y - pa.y)
    if start == end {
      // Shorter than a cell: the head sits in the next cell along it.
      let nextX = end.x + (pb.x - pa.x > 0.25 ? 1 : (pb.x - pa.x < -0.25 ? -1 : 0))
      let nextY = end.y + (pb.y - pa.y > 0.5 ? 1 : (pb.y - pa.y < -0.5 ? -1 : 0))
      guard rect.contains(x: nextX, y: nextY) else { return }
      grid.stamp(head, x: nextX, y: nextY, colour: colour, attributes: .bold)
    } else if rect.contains(x: end.x, y: end.y) {
      grid.stamp(head, x: end.x, y: end.y, colour: colour, attributes: .bold)
    }
  }

  /// A path through landscape points as connected line glyphs, faint.
  func path(_ points: [Vector], colour: RGB, faint: Double, into grid: inout CellGrid) {
    for (a, b) in zip(points, points.dropFirst()) { line(from: a, to: b, colour: colour, faint: faint, into: &grid) }
  }

  /// Each particle's path over the trail's steps, newest segments
  /// brightest, fading into the map over K steps.
  ///
  /// Swarms cross the same cells many times, so the trail is first traced
  /// into a buffer that keeps the newest age per cell, and each cell is
  /// then drawn once. A jump longer than `longestSegment` cells is drawn
  /// as a streak of that length behind the newer point: it shows where the
  /// particle came from without covering the map. Above
  /// `connectedTrailLimit` particles only the past positions are marked:
  /// hundreds of connected paths would paint the whole map.
  func trail(_ trail: Trail, colour: RGB, into grid: inout CellGrid) {
    let steps = trail.steps
    guard steps.count >= 2, !rect.isEmpty else { return }
    let cells = steps.map { positions in positions.map { projection.unclippedCell($0) } }
    var ages = [UInt8](repeating: 0, count: rect.width * rect.height)
    let rect = self.rect
    func mark(_ x: Int, _ y: Int, _ age: UInt8) {
      let index = (y - rect.y) * rect.width + (x - rect.x)
      if ages[index] == 0 || ages[index] > age { ages[index] = age }
    }
    let connected = steps.allSatisfy { $0.count <= Self.connectedTrailLimit }
    for k in 1..<steps.count {
      let age = UInt8(min(steps.count - k, 255))
      let (older, newer) = (cells[k - 1], cells[k])
      if connected {
        for i in 0..<min(older.count, newer.count) {
          CellRaster.line(from: Self.shortened(older[i], towards: newer[i]), to: newer[i], clippedTo: rect) { x, y in mark(x, y, age) }
        }
      } else {
        for cell in newer where rect.contains(x: cell.x, y: cell.y) { mark(cell.x, cell.y, age) }
      }
    }
    let span = Double(max(trail.length - 1, 1))
    let fades = (0...Int(ages.max() ?? 0)).map { age in Int((0.15 + 0.75 * Double(max(age - 1, 0)) / span) * 256) }
    for (index, age) in ages.enumerated() where age > 0 {
      grid.stamp("·", x: rect.x + index % rect.width, y: rect.y + index / rect.width, colour: colour, fade: fades[Int(age)])
    }
  }

  /// The most particles whose trails are drawn as connected paths.
  static let connectedTrailLimit = 64

  /// The longest trail segment drawn, in cells.
  static let longestSegment = 24

  /// `from` moved along the segment towards `to` until it is at most
  /// `longestSegment` cells (in the larger direction) away.
  static func shortened(_ from: (x: Int, y: Int), towards to: (x: Int, y: Int)) -> (x: Int, y: Int) {
    let (dx, dy) = (from.x - to.x, from.y - to.y)
    let length = max(abs(dx), abs(dy))
    guard length > longestSegment else { return from }
    let scale = Double(longestSegment) / Double(length)
    return (to.x + Int((Double(dx) * scale).rounded()), to.y + Int((Double(dy) * scale).rounded()))
  }

  /// Accepted moves in green, rejected ones in red: a faint dotted line
  /// from where the move started to where it went, and the end marked.
  func moves(_ events: [StepEvent], into grid: inout CellGrid) {
    for event in events {
      guard let position = event.position else { continue }
      let colour: RGB, glyph: Character
      switch event.kind {
      case .accept: (colour, glyph) = (RunStyle.acceptedColour, "+")
      case .reject: (colour, glyph) = (RunStyle.rejectedColour, "×")
      default: continue
      }
      if let origin = event.origin {
        line(from: origin, to: position, glyph: "·", colour: colour, faint: 0.35, skipEnds: true, into: &grid)
      }
      mark(position, glyph, colour: colour, attributes: .bold, into: &grid)
    }
  }

  /// Particles as braille dots at 2×4 sub-cell resolution.
  func brailleParticles(_ particles: [Particle], colour: RGB, into grid: inout CellGrid) {
    var canvas = BrailleCanvas(columns: rect.width, rows: rect.height)
    for particle in particles {
      let (px, py) = projection.pixel(particle.position)
      canvas.set(x: MapProjection.floorInt(px * 2), y: MapProjection.floorInt(py * 2), colour: colour)
    }
    canvas.draw(into: &grid, x: rect.x, y: rect.y)
  }

  /// An arrow on the map's edge for each particle outside it, where the
  /// line from the map's centre to the particle leaves the map, pointing
  /// towards the particle.
  func edgeArrows(_ particles: [Particle], colour: RGB, into grid: inout CellGrid) {
    let width = Double(projection.pixelWidth), height = Double(projection.pixelHeight)
    guard width >= 1, height >= 2 else { return }
    let (cx, cy) = (width / 2, height / 2)
    for particle in particles {
      let (px, py) = projection.pixel(particle.position)
      guard px.isFinite, py.isFinite, px < 0 || px >= width || py < 0 || py >= height else { continue }
      let (dx, dy) = (px - cx, py - cy)
      // Shrink (dx, dy) until it just touches the edge's cells.
      let sx = dx != 0 ? (width / 2 - 0.5) / abs(dx) : .infinity
      let sy = dy != 0 ? (height / 2 - 1) / abs(dy) : .infinity
      let s = min(sx, sy, 1)
      let column = rect.x + min(max(MapProjection.floorInt(cx + s * dx), 0), rect.width - 1)
      let row = rect.y + min(max(MapProjection.floorInt((cy + s * dy) / 2), 0), rect.height - 1)
      grid.stamp(CellRaster.arrowGlyph(dx: dx, dy: dy), x: column, y: row, colour: colour, attributes: .bold)
    }
  }
}
