import OptimizerCore

/// A plane through n-dimensional space as the map draws it: the point o it
/// passes through, its orthonormal directions e₁, e₂, and the map
/// position (c₁, c₂) of o (`MapPlane` says why that position).
///
/// A point x lands at map coordinates (u, v) = (c₁ + (x − o)·e₁,
/// c₂ + (x − o)·e₂), at distance ‖r‖ from the plane, r = (x − o) −
/// Σₖ ((x − o)·eₖ) eₖ; the map position (u, v) stands for the point
/// o + (u − c₁)e₁ + (v − c₂)e₂.
public struct PlaneGeometry: Sendable, Hashable {
  public let origin: Vector
  public let first: Vector
  public let second: Vector
  /// (c₁, c₂): where the origin sits on the map.
  public let centre: (u: Double, v: Double)
  /// The box the landscape is defined on: the heat map samples its
  /// points clamped into it (as optimizers' evaluations are).
  public let lower: Vector
  public let upper: Vector
  /// The coordinate axes the plane spans when it is an axes plane (the
  /// map's u is then x_first, its v x_second), nil on a rotated one.
  public let axes: MapPlane.Axes?
  /// The distance at which a particle is drawn 0.3 faint
  /// (`faintness(of:)`): a quarter of the box's smallest side, for in
  /// ten dimensions a population's spread off the plane is most of it.
  public let fadeDistance: Double

  public init(
    origin: Vector, first: Vector, second: Vector, centre: (u: Double, v: Double), domain: Domain,
    axes: MapPlane.Axes? = nil
  ) {
    precondition(origin.dimension == domain.dimension && first.dimension == origin.dimension && second.dimension == origin.dimension,
      "a plane's point and directions have the landscape's dimension")
    self.origin = origin
    self.first = first
    self.second = second
    self.centre = centre
    self.lower = Vector(domain.axes.map(\.lower))
    self.upper = Vector(domain.axes.map(\.upper))
    self.axes = axes
    let side = domain.axes.map { $0.upper - $0.lower }.filter { $0 > 0 }.min() ?? 1
    self.fadeDistance = side / 4
  }

  public var dimension: Int { origin.dimension }

  /// (u, v) of a point: (c₁ + (x − o)·e₁, c₂ + (x − o)·e₂). A point of
  /// another dimension (none should come) counts its coordinates only.
  public func coordinates(of x: Vector) -> (u: Double, v: Double) {
    var a = 0.0, b = 0.0
    for k in 0..<min(x.dimension, dimension) {
      let d = x[k] - origin[k]
      a += d * first[k]
      b += d * second[k]
    }
    return (centre.u + a, centre.v + b)
  }

  /// ‖r‖, the distance from x to the plane.
  public func distance(of x: Vector) -> Double {
    let (u, v) = coordinates(of: x)
    let (a, b) = (u - centre.u, v - centre.v)
    var squared = 0.0
    for k in 0..<min(x.dimension, dimension) {
      let r = x[k] - origin[k] - a * first[k] - b * second[k]
      squared += r * r
    }
    return squared.squareRoot()
  }

  /// o + (u − c₁)e₁ + (v − c₂)e₂: the point of the plane at (u, v).
  public func point(u: Double, v: Double) -> Vector {
    var x = origin
    point(u: u, v: v, into: &x)
    return x
  }

  /// `point(u:v:)` written into `x`, which has the plane's dimension.
  public func point(u: Double, v: Double, into x: inout Vector) {
    let (a, b) = (u - centre.u, v - centre.v)
    for k in 0..<dimension { x[k] = origin[k] + a * first[k] + b * second[k] }
  }

  /// x clamped into the box, coordinate by coordinate.
  public func clamped(_ x: Vector) -> Vector {
    var y = x
    for k in 0..<min(x.dimension, dimension) { y[k] = min(max(x[k], lower[k]), upper[k]) }
    return y
  }

  /// True when x lies in the box.
  public func contains(_ x: Vector) -> Bool {
    (0..<min(x.dimension, dimension)).allSatisfy { x[$0] >= lower[$0] && x[$0] <= upper[$0] }
  }

  /// How faint a mark at x is drawn, from 0 on the plane towards 0.6 far
  /// from it (so that it still shows): 0.6·d/(d + fadeDistance), d its
  /// distance.
  public func faintness(of x: Vector) -> Double {
    let d = distance(of: x)
    guard d.isFinite else { return 0.6 }
    return 0.6 * d / (d + fadeDistance)
  }

  public static func == (a: PlaneGeometry, b: PlaneGeometry) -> Bool {
    a.origin == b.origin && a.first == b.first && a.second == b.second && a.centre == b.centre && a.lower == b.lower
      && a.upper == b.upper && a.axes == b.axes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(origin)
    hasher.combine(first)
    hasher.combine(second)
    hasher.combine(centre.u)
    hasher.combine(centre.v)
    hasher.combine(axes)
  }
}
