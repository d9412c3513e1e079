import OptimizerCore

/// Where a run's particles were over its last K steps: what the fading
/// trails draw. The renderer keeps one per run and records after each step.
public struct Trail: Sendable, Hashable {
  /// K: how many steps are kept.
  public let length: Int
  /// The particles' positions after each kept step, oldest first.
  public private(set) var steps: [[Vector]] = []

  public init(length: Int = 12) {
    precondition(length >= 2, "a trail needs at least two steps to draw a segment")
    self.length = length
  }

  /// Appends the positions after a step, forgetting the oldest beyond K.
  public mutating func record(_ particles: [Particle]) {
    steps.append(particles.map(\.position))
    if steps.count > length { steps.removeFirst(steps.count - length) }
  }
}
