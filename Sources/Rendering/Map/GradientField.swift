import OptimizerCore

/// Small arrows on a coarse grid over the map, pointing downhill (along
/// −∇f as it looks on screen), brighter where the slope is steeper.
///
/// Cached like the heat map: recomputed only when the function, the
/// viewport, the map's size or the spacing changes.
public struct GradientField: Sendable {
  /// One arrow, at a cell relative to the map's top-left corner.
  public struct Arrow: Sendable, Hashable {
    public var column: Int
    public var row: Int
    public var glyph: Character
    /// |∇f| here relative to the steepest arrow, in [0, 1].
    public var strength: Double
  }

  public private(set) var key: HeatMap.Key?
  public private(set) var spacing: (columns: Int, rows: Int) = (0, 0)
  public private(set) var arrows: [Arrow] = []

  public init() {}

  /// Recomputes the arrows when anything they depend on changed: one arrow
  /// every `columns`×`rows` cells, at the centre of its block.
  public mutating func update(
    objective: any Objective, identity: String, projection: MapProjection, columns: Int = 6, rows: Int = 3,
    base: Vector? = nil
  ) {
    let newKey = HeatMap.Key(
      landscape: identity, viewport: projection.viewport, columns: projection.rect.width, rows: projection.rect.height,
      plane: projection.plane)
    guard newKey != key || spacing != (columns, rows) else { return }
    key = newKey
    spacing = (columns, rows)
    arrows = Self.compute(objective, projection: projection, spacing: (max(columns, 1), max(rows, 1)), base: base)
  }

  static func compute(
    _ f: any Objective, projection: MapProjection, spacing: (columns: Int, rows: Int), base: Vector?
  ) -> [Arrow] {
    let rect = projection.rect
    let size = projection.pixelSize
    var found: [(Int, Int, Double, Double, Double)] = []
    var steepest = 0.0
    var point = base ?? Vector.zeros(f.dimension)
    for row in stride(from: spacing.rows / 2, to: rect.height, by: spacing.rows) {
      for column in stride(from: spacing.columns / 2, to: rect.width, by: spacing.columns) {
        let sx: Double, sy: Double
        if let plane = projection.plane {
          // On a plane: −∇f's components along its directions.
          let g = f.gradient(at: projection.landscapePoint(cellX: rect.x + column, cellY: rect.y + row))
          guard g.isFinite else { continue }
          (sx, sy) = (-g.dot(plane.first) / size.x, g.dot(plane.second) / size.y)
        } else {
          let centre = projection.point(cellX: rect.x + column, cellY: rect.y + row)
          point[0] = centre[0]
          if point.dimension > 1 { point[1] = centre[1] }
          let g = f.gradient(at: point)
          guard g.isFinite else { continue }
          // A step along −∇f, as it moves on screen (pixels; x right, y down).
          sx = -g[0] / size.x
          sy = point.dimension > 1 ? g[1] / size.y : 0
        }
        let magnitude = (sx * sx + sy * sy).squareRoot()
        steepest = max(steepest, magnitude)
        found.append((column, row, sx, sy, magnitude))
      }
    }
    return found.map { column, row, sx, sy, magnitude in
      let strength = steepest > 0 ? magnitude / steepest : 0
      let glyph: Character = magnitude > 0 ? CellRaster.arrowGlyph(dx: sx, dy: sy) : "·"
      return Arrow(column: column, row: row, glyph: glyph, strength: strength)
    }
  }

  /// Draws the arrows in light grey over the map in `rect`, fainter where
  /// the slope is gentle (the slope is shown on a square-root scale so that
  /// gentle regions still show their direction).
  public func draw(into grid: inout CellGrid, rect: Rect) {
    for arrow in arrows {
      let faint = 0.75 * (1 - arrow.strength.squareRoot())
      grid.stamp(arrow.glyph, x: rect.x + arrow.column, y: rect.y + arrow.row, colour: RGB(235, 235, 235), faint: faint)
    }
  }
}
