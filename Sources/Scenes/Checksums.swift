import OptimizerCore

/// Each run's best loss and position every `interval` steps and at the end:
/// what `replay --verify` compares a replay against.
public struct Checksums: Sendable, Hashable {
  /// K: a checksum is taken whenever the step is a multiple of K.
  public var interval: Int
  /// In the order a replay meets them.
  public var entries: [Checksum]

  public init(interval: Int, entries: [Checksum] = []) {
    self.interval = interval
    self.entries = entries
  }

  /// About ten checkpoints over `steps`: the smallest of 1, 2, 5, 10, 20, …
  /// that is at least steps / 10. A 100 000-step scene then carries a few
  /// dozen lines of checksums, not thousands.
  public static func interval(forSteps steps: Int) -> Int {
    let target = max(1, (steps + 9) / 10)
    var magnitude = 1
    while true {
      for factor in [1, 2, 5] where factor * magnitude >= target { return factor * magnitude }
      magnitude *= 10
    }
  }
}

/// One run's best point at one step.
public struct Checksum: Sendable, Hashable {
  /// How many clock restarts (resets, landscape changes) came before: steps
  /// repeat after each, so the step alone does not say when.
  public var epoch: Int
  public var step: Int
  public var run: Int
  /// The run's best loss so far; nil before it evaluated anything.
  public var bestLoss: Double?
  public var bestPosition: Vector?

  public init(epoch: Int = 0, step: Int, run: Int, bestLoss: Double?, bestPosition: Vector?) {
    self.epoch = epoch
    self.step = step
    self.run = run
    self.bestLoss = bestLoss
    self.bestPosition = bestPosition
  }

  /// True when both say the same, bit for bit (NaN matches NaN).
  public func matches(_ other: Checksum) -> Bool {
    func same(_ a: Double?, _ b: Double?) -> Bool {
      switch (a, b) {
      case (nil, nil): return true
      case (let a?, let b?): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
      default: return false
      }
    }
    guard same(bestLoss, other.bestLoss) else { return false }
    switch (bestPosition, other.bestPosition) {
    case (nil, nil): return true
    case (let a?, let b?): return a.dimension == b.dimension && (0..<a.dimension).allSatisfy { same(a[$0], b[$0]) }
    default: return false
    }
  }
}
