/// A run's best loss after each of its steps, against the evaluations it
/// spent (f and ∇f alike, see `Budget`): what the sparkline and the race
/// chart draw.
///
/// Kept apart from the run's snapshot state, because it only grows; step-back
/// truncates it. It grows by 24 bytes a step, so only sessions that read
/// it keep it (`Session.keepsTraces`): the visualizer's and the bench's.
public struct Trace: Sendable, Hashable {
  public private(set) var steps: [Int] = []
  public private(set) var evaluations: [Int] = []
  public private(set) var bestLosses: [Double] = []

  public init() {}

  public var count: Int { steps.count }
  public var isEmpty: Bool { steps.isEmpty }

  mutating func append(step: Int, evaluations count: Int, bestLoss: Double) {
    steps.append(step)
    evaluations.append(count)
    bestLosses.append(bestLoss)
  }

  /// Drops every entry after `step`.
  mutating func truncate(after step: Int) {
    while let last = steps.last, last > step {
      steps.removeLast()
      evaluations.removeLast()
      bestLosses.removeLast()
    }
  }
}
