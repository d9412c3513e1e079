import OptimizerCore
import ViewModel

/// Where landscape points land on a map drawn in a rectangle of cells.
///
/// The map has `rect.width` pixels across and `2·rect.height` down (a cell
/// shows an upper and a lower pixel). Pixel coordinates are continuous:
/// pixel (i, j) covers [i, i+1)×[j, j+1), row 0 at the top, and its centre
/// samples the landscape at x = x₀ + (i + ½)·Δx, y = y₁ − (j + ½)·Δy.
///
/// The viewport is in map coordinates: a landscape's first two
/// coordinates, or on a landscape of more dimensions the (u, v) of its
/// `plane`, onto which every point drawn is projected.
public struct MapProjection: Sendable, Hashable {
  public let viewport: Viewport
  public let rect: Rect
  /// The plane the map shows, nil when it is the landscape's own two axes.
  public let plane: PlaneGeometry?

  public init(viewport: Viewport, rect: Rect, plane: PlaneGeometry? = nil) {
    self.viewport = viewport
    self.rect = rect
    self.plane = plane
  }

  public var pixelWidth: Int { rect.width }
  public var pixelHeight: Int { rect.height * 2 }

  /// Landscape units per pixel along x and y.
  public var pixelSize: (x: Double, y: Double) {
    (viewport.width / Double(max(pixelWidth, 1)), viewport.height / Double(max(pixelHeight, 1)))
  }

  /// The continuous pixel coordinates of a landscape point (may lie outside
  /// the map).
  @inlinable public func pixel(_ point: Vector) -> (x: Double, y: Double) {
    if let plane {
      let (u, v) = plane.coordinates(of: point)
      return pixel(u: u, v: v)
    }
    let px = (point[0] - viewport.x.lowerBound) / viewport.width * Double(pixelWidth)
    let py = (viewport.y.upperBound - (point.dimension > 1 ? point[1] : 0)) / viewport.height * Double(pixelHeight)
    return (px, py)
  }

  /// The continuous pixel coordinates of a map position.
  @inlinable public func pixel(u: Double, v: Double) -> (x: Double, y: Double) {
    ((u - viewport.x.lowerBound) / viewport.width * Double(pixelWidth),
     (viewport.y.upperBound - v) / viewport.height * Double(pixelHeight))
  }

  /// How faint a mark at a landscape point is drawn: 0 on the map's own
  /// plane, more the farther it lies from a plane (`PlaneGeometry`).
  public func faintness(of point: Vector) -> Double {
    plane?.faintness(of: point) ?? 0
  }

  /// The grid cell (absolute column and row) that shows a landscape point,
  /// or nil when it lies outside the map.
  public func cell(_ point: Vector) -> (x: Int, y: Int)? {
    let (column, row) = unclippedCell(point)
    return rect.contains(x: column, y: row) ? (column, row) : nil
  }

  /// The grid cell a point would fall in on an unbounded map.
  public func unclippedCell(_ point: Vector) -> (x: Int, y: Int) {
    let (px, py) = pixel(point)
    return (rect.x + Self.floorInt(px), rect.y + Self.floorInt(py / 2))
  }

  /// The landscape point at the centre of a grid cell: on a plane, the
  /// plane's point there clamped into the box (where a click puts a run).
  public func landscapePoint(cellX column: Int, cellY row: Int) -> Vector {
    let map = point(cellX: column, cellY: row)
    guard let plane else { return map }
    return plane.clamped(plane.point(u: map[0], v: map[1]))
  }

  /// The map position (x, y, or on a plane u, v) at the centre of a grid cell.
  public func point(cellX column: Int, cellY row: Int) -> Vector {
    let size = pixelSize
    return [
      viewport.x.lowerBound + (Double(column - rect.x) + 0.5) * size.x,
      viewport.y.upperBound - (Double(row - rect.y) + 0.5) * 2 * size.y,
    ]
  }

  /// ⌊v⌋ as an Int, saturating far outside the map so that no conversion traps.
  @inlinable static func floorInt(_ v: Double) -> Int {
    guard v.isFinite else { return v > 0 ? Int(Int32.max) : Int(Int32.min) }
    return Int(min(max(v.rounded(.down), -1e9), 1e9))
  }
}
