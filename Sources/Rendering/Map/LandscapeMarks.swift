import OptimizerCore

/// Marks that belong to the landscape rather than to a run: its known
/// minimizers and, on integer or boolean axes, the lattice of allowed points.
public enum LandscapeMarks {
  /// The glyph of a known global minimizer: a target, unlike the × of a
  /// rejected move.
  public static let minimizerGlyph: Character = "⊕"

  /// Marks every minimizer that lies in the view with a white ⊕ (on a
  /// plane, projected onto it and fainter the farther it lies from it).
  public static func drawMinimizers(_ minimizers: [Vector], into grid: inout CellGrid, projection: MapProjection) {
    for x in minimizers {
      guard let (column, row) = projection.cell(x) else { continue }
      grid.stamp(
        minimizerGlyph, x: column, y: row, colour: RGB(255, 255, 255), faint: projection.faintness(of: x), attributes: .bold)
    }
  }

  /// Dots on the lattice of a domain whose first or second axis is integer
  /// or boolean: at every allowed point when both axes are discrete, along
  /// the allowed lines (every other cell) when one is. Nothing is drawn when
  /// the lattice is finer than two cells, where it would only cover the map,
  /// and on a plane through more dimensions, which cuts the lattice
  /// anywhere.
  public static func drawLattice(of domain: Domain, into grid: inout CellGrid, projection: MapProjection) {
    guard projection.plane == nil else { return }
    let axes = Array(domain.axes.prefix(2))
    guard axes.count == 2, axes.contains(where: { $0.kind != .continuous }) else { return }
    let rect = projection.rect
    let size = projection.pixelSize
    // Cells between neighbouring lattice values along each axis.
    guard axes[0].kind == .continuous || 1 / size.x >= 2,
      axes[1].kind == .continuous || 1 / (2 * size.y) >= 1
    else { return }
    func values(_ axis: Axis, _ range: ClosedRange<Double>) -> [Double]? {
      guard axis.kind != .continuous else { return nil }
      let low = max(axis.lower, range.lowerBound).rounded(.up)
      let high = min(axis.upper, range.upperBound).rounded(.down)
      guard low <= high else { return [] }
      return stride(from: low, through: high, by: 1).map { $0 }
    }
    let viewport = projection.viewport
    let xs = values(axes[0], viewport.x), ys = values(axes[1], viewport.y)
    let colour = RGB(255, 255, 255)
    func dot(_ point: Vector) {
      guard let (column, row) = projection.cell(point) else { return }
      grid.stamp("·", x: column, y: row, colour: colour, faint: 0.35)
    }
    switch (xs, ys) {
    case let (xs?, ys?):
      for x in xs { for y in ys { dot([x, y]) } }
    case let (xs?, nil):
      for x in xs {
        for row in stride(from: rect.y, to: rect.maxY, by: 2) { dot([x, projection.point(cellX: rect.x, cellY: row)[1]]) }
      }
    case let (nil, ys?):
      for y in ys {
        for column in stride(from: rect.x, to: rect.maxX, by: 2) { dot([projection.point(cellX: column, cellY: rect.y)[0], y]) }
      }
    case (nil, nil):
      return
    }
  }
}
