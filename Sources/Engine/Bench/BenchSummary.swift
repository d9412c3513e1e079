import OptimizerCore

/// The figures of one optimizer on one landscape over all seeds.
public struct BenchSummary: Sendable, Hashable {
  public var optimizer: String
  public var landscape: String
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
    var order: [String] = []
    var groups: [String: [BenchRecord]] = [:]
    for record in records {
      let key = record.landscape + "\u{0}" + record.optimizer
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(record)
    }
    return order.map { key in
      let group = groups[key]!
      let gaps = group.compactMap(\.gap)
      let seconds = group.map(\.seconds).reduce(0, +)
      let points = group.map(\.curve.count).min() ?? 0
      let curves = (0..<points).map { i in group.map { $0.curve[i] } }
      return BenchSummary(
        optimizer: group[0].optimizer, landscape: group[0].landscape, runs: group.count,
        successRate: Double(group.filter(\.succeeded).count) / Double(group.count),
        medianGap: gaps.isEmpty ? nil : quantile(gaps, 0.5),
        medianEvaluationsToSuccess: {
          let hits = group.compactMap(\.evaluationsToSuccess).map(Double.init)
          return hits.isEmpty ? nil : quantile(hits, 0.5)
        }(),
        evaluationsPerSecond: seconds > 0 ? Double(group.map(\.evaluations).reduce(0, +)) / seconds : 0,
        medianCurve: curves.map { quantile($0, 0.5) },
        lowerQuartileCurve: curves.map { quantile($0, 0.25) },
        upperQuartileCurve: curves.map { quantile($0, 0.75) })
    }
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
