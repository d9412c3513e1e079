/// Something notable that happened during a step: the panel counts these,
/// breakpoints stop on them, the renderer colours accepted and rejected moves.
public struct StepEvent: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A move was taken.
    case accept
    /// A move was refused (undo guard, annealing, random walks).
    case reject
    /// A population member was removed.
    case death
    /// A population member was (re)born.
    case respawn
    /// An adaptive random walk changed its order.
    case orderChange = "order-change"
    /// The run's optimizer was swapped (recorded by the engine).
    case swap
    /// A population was re-drawn (EKI's resampling, a restart).
    case resample
  }

  public var kind: Kind
  /// Where it happened, when that is a point (the rejected candidate, the
  /// respawned member).
  public var position: Vector?
  /// The move's origin, for accepted and rejected moves.
  public var origin: Vector?

  public init(_ kind: Kind, at position: Vector? = nil, from origin: Vector? = nil) {
    self.kind = kind
    self.position = position
    self.origin = origin
  }
}
