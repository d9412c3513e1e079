import Engine
import Foundation
import OptimizerCore
import Scenes
import Exports

/// Prints bench results in the chosen format and writes the plot, fed one
/// record at a time: CSV rows are printed as they come, and only what the
/// summaries need is kept (`BenchAggregate`), so memory does not grow with
/// the records.
///
/// A sweep's report has a row per optimizer, landscape and swept values,
/// in the plan's order, and no speed: the same plan prints the same bytes
/// on any machine. A shard's JSON (`printsRecords`) is its records
/// (`BenchRecordJSON`), for `bench merge`.
struct BenchReport {
  let format: OutputFormat
  let plot: String?
  let budget: Int
  let sweep: Bool
  /// True for the JSON of a shard: its records, one per line, not summaries.
  let printsRecords: Bool
  private var recordsPrinted = 0
  private var aggregate: BenchAggregate

  /// Starts the report; CSV prints its header, a shard's JSON its opening.
  init(format: OutputFormat, plot: String?, budget: Int, sweep: Bool, printsRecords: Bool = false) throws {
    self.format = format
    self.plot = plot
    self.budget = budget
    self.sweep = sweep
    self.printsRecords = printsRecords
    aggregate = BenchAggregate(keepsCurves: plot != nil && !sweep)
    if format == .csv { try StandardOutput.write(BenchRecordCSV.header(sweep: sweep).joined(separator: ",")) }
    if printsRecords { try StandardOutput.writeVerbatim(BenchRecordJSON.opening) }
  }

  mutating func add(_ record: BenchRecord) throws {
    if format == .csv { try StandardOutput.write(BenchRecordCSV.row(record)) }
    if printsRecords {
      try StandardOutput.writeVerbatim((recordsPrinted == 0 ? "\n" : ",\n") + BenchRecordJSON.line(record).escapingRawJSONControls())
      recordsPrinted += 1
      return
    }
    aggregate.add(record)
  }

  /// Prints the summaries (CSV has printed its rows already, a shard's
  /// JSON its records) and writes the plot.
  func finish() throws {
    if printsRecords { return try StandardOutput.writeVerbatim("\n" + BenchRecordJSON.closing + "\n") }
    let summaries = aggregate.summaries
    switch format {
    case .csv: break
    case .json where sweep: try StandardOutput.writeVerbatim(jsonText(summaries.map(SweepSummaryDocument.init)) + "\n")
    case .json: try StandardOutput.writeVerbatim(jsonText(summaries.map(SummaryDocument.init)) + "\n")
    case .markdown: try StandardOutput.write(sweep ? sweepTables(summaries, markdown: true) : tables(summaries, markdown: true))
    case .table: try StandardOutput.write(sweep ? sweepTables(summaries, markdown: false) : tables(summaries, markdown: false))
    }
    if let plot {
      try writeAtomically(
        sweep ? SensitivityPlot.svg(summaries) : ConvergencePlot.svg(summaries, budget: budget), to: plot)
      printNote("wrote \(plot)")
    }
  }

  /// A sweep's tables: per landscape, a row per optimizer and swept values
  /// in the plan's order, a column per swept key ("-" where an optimizer
  /// does not have it).
  private func sweepTables(_ summaries: [BenchSummary], markdown: Bool) -> String {
    var keys: [String] = []
    for value in summaries.flatMap({ $0.sweep ?? [] }) where !keys.contains(value.key) { keys.append(value.key) }
    var sections: [String] = []
    for landscape in unique(summaries.map(\.landscape)) {
      var table = TextTable(["optimizer"] + keys + ["success", "median gap", "median evals to success"])
      let group = summaries.filter { $0.landscape == landscape }
      for summary in group {
        let values = keys.map { key in (summary.sweep ?? []).first { $0.key == key }.map { exactNumber($0.value) } ?? "-" }
        table.append(
          [summary.optimizer] + values + [
            "\(Int((summary.successRate * 100).rounded()))%",
            summary.medianGap.map { formatNumber($0, significantDigits: 3) } ?? "n/a",
            summary.medianEvaluationsToSuccess.map { String(Int($0.rounded())) } ?? "-",
          ])
      }
      let runs = group.first?.runs ?? 0
      let title = "\(landscape): \(runs) seed\(runs == 1 ? "" : "s") × \(budget) evaluations per value"
      sections.append(markdown ? "### \(title)\n\n" + table.markdown() : title + "\n" + table.rendered())
    }
    return sections.joined(separator: "\n\n")
  }

  private func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }

  private func tables(_ summaries: [BenchSummary], markdown: Bool) -> String {
    var sections: [String] = []
    var landscapes: [String] = []
    for summary in summaries where !landscapes.contains(summary.landscape) { landscapes.append(summary.landscape) }
    for landscape in landscapes {
      var table = TextTable(["optimizer", "success", "median gap", "median evals to success", "evals/s"])
      let group = summaries.filter { $0.landscape == landscape }
        .sorted { ($0.successRate, -($0.medianGap ?? .infinity)) > ($1.successRate, -($1.medianGap ?? .infinity)) }
      for summary in group {
        table.append([
          summary.optimizer,
          "\(Int((summary.successRate * 100).rounded()))%",
          summary.medianGap.map { formatNumber($0, significantDigits: 3) } ?? "n/a",
          summary.medianEvaluationsToSuccess.map { String(Int($0.rounded())) } ?? "-",
          formatNumber(summary.evaluationsPerSecond.rounded(), significantDigits: 3),
        ])
      }
      let runs = group.first?.runs ?? 0
      let title = "\(landscape): \(runs) seed\(runs == 1 ? "" : "s") × \(budget) evaluations"
      sections.append(markdown ? "### \(title)\n\n" + table.markdown() : title + "\n" + table.rendered())
    }
    return sections.joined(separator: "\n\n")
  }

  /// What `bench --sweep … --format json` prints for an optimizer at one
  /// point of its sweep on a landscape: `sweep` maps each swept key to its
  /// value (empty for an optimizer not swept); no speed, so that the
  /// document is the same wherever it was run.
  struct SweepSummaryDocument: Encodable {
    let optimizer: String
    let landscape: String
    let sweep: [String: JSONNumber]
    let runs: Int
    let successRate: JSONNumber
    let medianGap: JSONNumber
    let medianEvalsToSuccess: JSONNumber

    enum CodingKeys: String, CodingKey {
      case optimizer, landscape, sweep, runs
      case successRate = "success_rate"
      case medianGap = "median_gap"
      case medianEvalsToSuccess = "median_evals_to_success"
    }

    init(_ summary: BenchSummary) {
      optimizer = summary.optimizer
      landscape = summary.landscape
      sweep = Dictionary((summary.sweep ?? []).map { ($0.key, JSONNumber($0.value)) }) { _, last in last }
      runs = summary.runs
      successRate = JSONNumber(summary.successRate)
      medianGap = JSONNumber(summary.medianGap)
      medianEvalsToSuccess = JSONNumber(summary.medianEvaluationsToSuccess)
    }
  }

  /// What `bench --format json` prints for an optimizer on a landscape.
  struct SummaryDocument: Encodable {
    let optimizer: String
    let landscape: String
    let runs: Int
    let successRate: JSONNumber
    let medianGap: JSONNumber
    let medianEvalsToSuccess: JSONNumber
    let evalsPerSecond: JSONNumber

    enum CodingKeys: String, CodingKey {
      case optimizer, landscape, runs
      case successRate = "success_rate"
      case medianGap = "median_gap"
      case medianEvalsToSuccess = "median_evals_to_success"
      case evalsPerSecond = "evals_per_second"
    }

    init(_ summary: BenchSummary) {
      optimizer = summary.optimizer
      landscape = summary.landscape
      runs = summary.runs
      successRate = JSONNumber(summary.successRate)
      medianGap = JSONNumber(summary.medianGap)
      medianEvalsToSuccess = JSONNumber(summary.medianEvaluationsToSuccess)
      evalsPerSecond = JSONNumber(summary.evaluationsPerSecond.rounded())
    }
  }
}

/// Writes an output file (see `FileOutput.write`; `-` is stdout), with a
/// command-line error; `force` is the command's --force, nil without one.
func writeAtomically(_ text: String, to path: String, force: Bool? = nil) throws {
  if path == "-" { return try StandardOutput.writeVerbatim(text) }
  do {
    try FileOutput.write(text, to: path, replacingReadOnly: force ?? false)
  } catch {
    throw CommandLineError.failure(error.message + (error.isReadOnly && force != nil ? "; add --force to replace it" : ""))
  }
}
