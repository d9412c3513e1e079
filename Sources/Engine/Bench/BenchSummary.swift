import OptimizerCore

/// The figures of one optimizer (at one point of a sweep) on one landscape
/// over all seeds.
public struct BenchSummary: Sendable, Hashable {
  public var optimizer: String
  public var landscape: String
  /// The swept values of these runs (empty for an optimizer no sweep
  /// reaches); nil when the bench sweeps nothing.
  public var sweep: [SweptValue]?
  public var runs: Int
  /// Fraction of runs with best − f* ≤ 1e-4·max(1, |f*|).
  public var successRate: Double
  public var medianGap: Double?
  /// Median over the successful runs; nil when none succeeded.
  public var medianEvaluationsToSuccess: Double?
  public var evaluationsPerSecond: Double
  /// The median and the quartiles of the best gap at each checkpoint.
  public var medianCurve: [Double]
  public var lowerQuartileCurve: [Double]
  public var upperQuartileCurve: [Double]

  /// One summary per (landscape, optimizer), in the records' order of first
  /// appearance.
  public static func summarize(_ records: [BenchRecord]) -> [BenchSummary] {
    var aggregate = BenchAggregate(keepsCurves: true)
    for record in records { aggregate.add(record) }
    return aggregate.summaries
  }
}

/// The q-quantile by linear interpolation between order statistics (the
/// "type 7" rule of R and NumPy).
public func quantile(_ values: [Double], _ q: Double) -> Double {
  precondition(!values.isEmpty, "quantile of nothing")
  let sorted = values.sorted()
  let position = q * Double(sorted.count - 1)
  let below = Int(position.rounded(.down))
  let above = min(below + 1, sorted.count - 1)
  let fraction = position - Double(below)
  if fraction == 0 || sorted[below] == sorted[above] { return sorted[below] }
  return sorted[below] + (sorted[above] - sorted[below]) * fraction
}
