import OptimizerCore

/// Which plane through a landscape of more than two dimensions the map
/// shows: the point it passes through and the two directions that span it
/// (docs/SCENES.md, `view.plane`). A landscape of two dimensions ignores
/// it: its map is the landscape itself.
///
/// The map's coordinates (u, v) of a point x are
/// (c₁ + (x − o)·e₁, c₂ + (x − o)·e₂), with o the point the plane passes
/// through, e₁, e₂ its directions and (c₁, c₂) = (o_i, o_j) the origin's
/// coordinates on the two chosen axes. On the axes plane this is
/// (x_i, x_j); on any other basis the origin keeps its map position, so a
/// change of basis leaves it in the same cell (`PlaneGeometry`).
public struct MapPlane: Sendable, Hashable {
  /// The point the plane passes through, looked up again every frame.
  public enum Through: Sendable, Hashable {
    /// The selected run's best point (the default).
    case best
    /// The leader's best: the run whose best loss is lowest.
    case leader
    /// A point that stays where it is.
    case point(Vector)
  }

  /// What spans the plane.
  public enum Basis: String, Sendable, Hashable, CaseIterable {
    /// The two chosen coordinate axes.
    case axes
    /// The two principal components of the selected run's recent
    /// trajectory (its particles over the trail's steps).
    case principal
    /// Two random orthonormal directions drawn from `seed`.
    case random

    /// axes → principal → random → axes, for the key that cycles them.
    public var next: Basis {
      let all = Self.allCases
      return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
  }

  /// Two distinct coordinate axes, 0-based (x1 is 0).
  public struct Axes: Sendable, Hashable, CustomStringConvertible {
    public var first: Int
    public var second: Int

    public init(_ first: Int, _ second: Int) {
      precondition(first >= 0 && second >= 0 && first != second, "a plane needs two distinct axes")
      self.first = first
      self.second = second
    }

    /// x1 and x2.
    public static let standard = Axes(0, 1)

    /// "x3,x7": the axes as users count them.
    public var description: String { "x\(first + 1),x\(second + 1)" }
  }

  public var through: Through
  public var basis: Basis
  /// The map's axes on the axes plane; on the others, where the origin
  /// sits on the map: (c₁, c₂) = (o_first, o_second).
  public var axes: Axes
  /// The seed of the random basis: the same seed gives the same plane.
  public var seed: UInt64

  public init(through: Through = .best, basis: Basis = .axes, axes: Axes = .standard, seed: UInt64 = 1) {
    self.through = through
    self.basis = basis
    self.axes = axes
    self.seed = seed
  }

  /// The axes with one of them moved to the next axis (by `offset`, round
  /// the `dimension` axes) that the other one is not on.
  public func movingAxis(second: Bool, by offset: Int, dimension: Int) -> Axes {
    guard dimension >= 2 else { return axes }
    let other = second ? axes.first : axes.second
    var moved = second ? axes.second : axes.first
    repeat { moved = ((moved + offset) % dimension + dimension) % dimension } while moved == other
    return second ? Axes(other, moved) : Axes(moved, other)
  }

  /// best → leader → fixed at `current` (the point the plane now passes
  /// through) → best.
  public func nextThrough(current: Vector) -> Through {
    switch through {
    case .best: return .leader
    case .leader: return .point(current)
    case .point: return .best
    }
  }

  /// The axes as the landscape has them: these when both exist in
  /// `dimension` dimensions, else x1 and x2.
  public func axes(in dimension: Int) -> Axes {
    axes.first < dimension && axes.second < dimension ? axes : .standard
  }
}
