/// What a bench report needs of the runs, gathered one record at a time
/// so that the records themselves need not be kept: per optimizer and
/// landscape (and swept values), counts and sums, and the values whose medians and quartiles
/// it prints (the best gaps, the evaluations to success, and, for a plot,
/// the gap at each checkpoint).
///
/// Exact quantiles need every value, so memory grows with the runs of a
/// cell; `BenchPlan.maximumSeeds` bounds it.
public struct BenchAggregate: Sendable {
  /// Whether the convergence curves are kept (only a plot draws them).
  public let keepsCurves: Bool
  private var order: [String] = []
  private var cells: [String: Cell] = [:]

  public init(keepsCurves: Bool) {
    self.keepsCurves = keepsCurves
  }

  /// One optimizer (at one point of a sweep) on one landscape.
  struct Cell: Sendable {
    var optimizer: String
    var landscape: String
    var sweep: [SweptValue]?
    var runs = 0
    var successes = 0
    var gaps: [Double] = []
    var hits: [Double] = []
    var seconds = 0.0
    var evaluations = 0
    /// The values at each checkpoint, as many checkpoints as the shortest curve.
    var curves: [[Double]]?
  }

  public mutating func add(_ record: BenchRecord) {
    let key = ([record.landscape, record.optimizer] + (record.sweep ?? []).map(\.text)).joined(separator: "\u{0}")
    if cells[key] == nil {
      order.append(key)
      cells[key] = Cell(optimizer: record.optimizer, landscape: record.landscape, sweep: record.sweep)
    }
    cells[key]!.add(record, keepingCurve: keepsCurves)
  }

  /// One summary per (landscape, optimizer, swept values), in the records' order of
  /// first appearance; without kept curves, the summaries' curves are empty.
  public var summaries: [BenchSummary] {
    order.map { cells[$0]!.summary }
  }
}

extension BenchAggregate.Cell {
  mutating func add(_ record: BenchRecord, keepingCurve: Bool) {
    runs += 1
    if record.succeeded { successes += 1 }
    if let gap = record.gap { gaps.append(gap) }
    if let hit = record.evaluationsToSuccess { hits.append(Double(hit)) }
    seconds += record.seconds
    evaluations += record.evaluations
    guard keepingCurve else { return }
    // In place: a copy of the kept values would make each record cost them all.
    if curves == nil { curves = record.curve.map { _ in [] } }
    curves!.removeLast(max(0, curves!.count - record.curve.count))
    for i in curves!.indices { curves![i].append(record.curve[i]) }
  }

  var summary: BenchSummary {
    let points = curves ?? []
    return BenchSummary(
      optimizer: optimizer, landscape: landscape, sweep: sweep, runs: runs,
      successRate: Double(successes) / Double(runs),
      medianGap: gaps.isEmpty ? nil : quantile(gaps, 0.5),
      medianEvaluationsToSuccess: hits.isEmpty ? nil : quantile(hits, 0.5),
      evaluationsPerSecond: seconds > 0 ? Double(evaluations) / seconds : 0,
      medianCurve: points.map { quantile($0, 0.5) },
      lowerQuartileCurve: points.map { quantile($0, 0.25) },
      upperQuartileCurve: points.map { quantile($0, 0.75) })
  }
}
