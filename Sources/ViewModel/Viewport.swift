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
  /// which stays where it is on the screen.
  public func zoomed(by factor: Double, about point: Vector? = nil) -> Viewport {
    precondition(factor > 0, "a zoom factor must be positive")
    let p = point ?? center
    func scale(_ r: ClosedRange<Double>, _ at: Double) -> ClosedRange<Double> {
      (at + (r.lowerBound - at) / factor)...(at + (r.upperBound - at) / factor)
    }
    return Viewport(x: scale(x, p[0]), y: scale(y, p[1]))
  }

  /// Moved by fractions of its own size (+dx right, +dy up).
  public func panned(dx: Double, dy: Double) -> Viewport {
    let sx = dx * width, sy = dy * height
    return Viewport(x: x.lowerBound + sx...x.upperBound + sx, y: y.lowerBound + sy...y.upperBound + sy)
  }

  public var description: String {
    "x ∈ [\(formatNumber(x.lowerBound)), \(formatNumber(x.upperBound))], y ∈ [\(formatNumber(y.lowerBound)), \(formatNumber(y.upperBound))]"
  }
}
