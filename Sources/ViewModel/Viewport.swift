import OptimizerCore

/// The rectangle of landscape coordinates shown on the map: what zoom and
/// pan change. The y axis points up, as on paper.
public struct Viewport: Sendable, Hashable, CustomStringConvertible {
  public var x: ClosedRange<Double>
  public var y: ClosedRange<Double>

  public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
    precondition(x.upperBound > x.lowerBound && y.upperBound > y.lowerBound, "a viewport needs a positive size")
    self.x = x
    self.y = y
  }

  public var width: Double { x.upperBound - x.lowerBound }
  public var height: Double { y.upperBound - y.lowerBound }
  public var center: Vector { [(x.lowerBound + x.upperBound) / 2, (y.lowerBound + y.upperBound) / 2] }

  /// The first two axes of a domain, exactly.
  public init(domain: Domain) {
    let ax = domain.axes[0], ay = domain.axes.count > 1 ? domain.axes[1] : domain.axes[0]
    self.init(x: ax.lower...max(ax.upper, ax.lower + 1), y: ay.lower...max(ay.upper, ay.lower + 1))
  }

  /// Two axes of a domain, exactly: the map of a plane whose origin sits
  /// at its coordinates on these axes (`MapPlane`), whatever its basis.
  public init(domain: Domain, axes: MapPlane.Axes) {
    guard axes.first < domain.dimension, axes.second < domain.dimension else {
      self.init(domain: domain)
      return
    }
    let ax = domain.axes[axes.first], ay = domain.axes[axes.second]
    self.init(x: ax.lower...max(ax.upper, ax.lower + 1), y: ay.lower...max(ay.upper, ay.lower + 1))
  }

  /// The smallest viewport around the domain's first two axes whose pixels
  /// are square on a map of `columns`×`rows` cells (a cell holds two
  /// pixels, one above the other), centred on the domain.
  public static func fitting(_ domain: Domain, columns: Int, rows: Int) -> Viewport {
    Viewport(domain: domain).fitted(columns: columns, rows: rows)
  }

  /// This viewport widened along one axis so that its pixels are square on
  /// a map of `columns`×`rows` cells.
  public func fitted(columns: Int, rows: Int) -> Viewport {
    guard columns > 0, rows > 0 else { return self }
    let pixelAspect = Double(columns) / Double(2 * rows)
    let aspect = width / height
    let c = center
    if aspect < pixelAspect {
      let half = height * pixelAspect / 2
      return Viewport(x: c[0] - half...c[0] + half, y: y)
    } else {
      let half = width / pixelAspect / 2
      return Viewport(x: x, y: c[1] - half...c[1] + half)
    }
  }

  /// Zoomed by `factor` (> 1 zooms in) about `point` (default the centre),
  /// which stays where it is on the screen; unchanged when that would go
  /// past `within` (a zoom in so deep that the sides collapse, or out so
  /// far that they overflow).
  public func zoomed(by factor: Double, about point: Vector? = nil) -> Viewport {
    precondition(factor > 0, "a zoom factor must be positive")
    let p = point ?? center
    func scale(_ lower: Double, _ upper: Double, _ at: Double) -> (Double, Double) {
      (at + (lower - at) / factor, at + (upper - at) / factor)
    }
    return Self.within(scale(x.lowerBound, x.upperBound, p[0]), scale(y.lowerBound, y.upperBound, p[1])) ?? self
  }

  /// Moved by fractions of its own size (+dx right, +dy up); unchanged when
  /// that would go past `within`.
  public func panned(dx: Double, dy: Double) -> Viewport {
    let sx = dx * width, sy = dy * height
    return Self.within((x.lowerBound + sx, x.upperBound + sx), (y.lowerBound + sy, y.upperBound + sy)) ?? self
  }

  /// The viewport with these sides, or nil unless each side has positive
  /// width and lies within ±`Limits.coordinate` (docs/SCENES.md, "Limits").
  static func within(_ x: (Double, Double), _ y: (Double, Double)) -> Viewport? {
    let sides = [x, y]
    guard sides.allSatisfy({ $0.0 < $0.1 && abs($0.0) <= Limits.coordinate && abs($0.1) <= Limits.coordinate }) else {
      return nil
    }
    return Viewport(x: x.0...x.1, y: y.0...y.1)
  }

  public var description: String {
    "x ∈ [\(formatNumber(x.lowerBound)), \(formatNumber(x.upperBound))], y ∈ [\(formatNumber(y.lowerBound)), \(formatNumber(y.upperBound))]"
  }
}
