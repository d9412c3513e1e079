/// How an axis of the search space takes values.
public enum AxisKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Any real number in the axis's range.
  case continuous
  /// Whole numbers only: a lattice.
  case integer
  /// 0 or 1.
  case boolean
}

/// One side of a box domain.
public struct Axis: Sendable, Hashable, Codable {
  public var lower: Double
  public var upper: Double
  public var kind: AxisKind

  /// An axis; a boolean axis always spans [0, 1].
  public init(_ lower: Double, _ upper: Double, kind: AxisKind = .continuous) {
    precondition(lower < upper || kind == .boolean, "an axis needs lower < upper")
    self.kind = kind
    (self.lower, self.upper) = kind == .boolean ? (0, 1) : (lower, upper)
  }

  public var width: Double { upper - lower }

  /// The value clamped into [lower, upper], not rounded: where a continuous
  /// shadow of a lattice point may go. NaN goes to the lower bound.
  @inlinable public func clamped(_ value: Double) -> Double {
    value.isNaN ? lower : min(max(value, lower), upper)
  }

  /// The nearest value this axis allows: clamped into [lower, upper], then
  /// rounded onto the lattice for integer and boolean axes. NaN goes to the
  /// lower bound, so that one bad step cannot poison the rest of a run.
  @inlinable public func project(_ value: Double) -> Double {
    guard !value.isNaN else { return lower }
    switch kind {
    case .continuous:
      return min(max(value, lower), upper)
    case .integer:
      let rounded = value.rounded()
      let low = lower.rounded(.up), high = upper.rounded(.down)
      return min(max(rounded, low), high)
    case .boolean:
      return value >= 0.5 ? 1 : 0
    }
  }
}

/// A box in Rⁿ whose axes are continuous, integer or boolean.
///
/// Every evaluation sees a point projected onto the domain, so optimizers
/// never leave the box and integer axes only ever see whole numbers.
public struct Domain: Sendable, Hashable, Codable {
  public var axes: [Axis]

  public init(axes: [Axis]) {
    precondition(!axes.isEmpty, "a domain needs at least one axis")
    self.axes = axes
  }

  /// The box [lower, upper]ⁿ with continuous axes.
  public static func cube(_ lower: Double, _ upper: Double, dimension: Int) -> Domain {
    Domain(axes: Array(repeating: Axis(lower, upper), count: dimension))
  }

  public var dimension: Int { axes.count }

  /// w: the smallest side length. Distance-like defaults are fractions of it,
  /// so one default suits Booth (w = 20) and Eggholder (w = 1024). A
  /// boolean axis is no side: it has two values, not a length, so w is the
  /// smallest side of the other axes (1 when every axis is boolean).
  public var width: Double {
    axes.filter { $0.kind != .boolean }.map(\.width).min() ?? 1
  }

  public var lower: Vector { Vector(axes.map(\.lower)) }
  public var upper: Vector { Vector(axes.map(\.upper)) }
  public var center: Vector { Vector(axes.map { ($0.lower + $0.upper) / 2 }) }

  /// True when every axis is continuous: projection then only clamps.
  public var isContinuous: Bool { axes.allSatisfy { $0.kind == .continuous } }

  /// Projects x onto the domain in place: clamp into the box, round onto
  /// lattice axes. Allocates nothing.
  @inlinable public func project(_ x: inout Vector) {
    precondition(x.dimension == axes.count, "point has dimension \(x.dimension), domain \(axes.count)")
    for i in axes.indices { x[i] = axes[i].project(x[i]) }
  }

  /// The projection of x, as a new vector.
  public func projected(_ x: Vector) -> Vector {
    var y = x
    project(&y)
    return y
  }

  /// True when x lies in the box and on the lattice of every discrete axis.
  public func contains(_ x: Vector) -> Bool {
    x.dimension == dimension && axes.indices.allSatisfy { axes[$0].project(x[$0]) == x[$0] }
  }

  /// A uniformly random point of the box (then projected onto lattices).
  public func randomPoint(using rng: inout SeededGenerator) -> Vector {
    var x = Vector(axes.map { rng.uniform(in: $0.lower...$0.upper) })
    project(&x)
    return x
  }

  /// The same box with different axis kinds; kinds beyond the given list stay.
  public func with(kinds: [AxisKind]) -> Domain {
    var copy = self
    for (i, kind) in kinds.enumerated() where i < axes.count {
      copy.axes[i] = Axis(axes[i].lower, axes[i].upper, kind: kind)
    }
    return copy
  }
}
