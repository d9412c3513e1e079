import Engine
import Foundation
import OptimizerCore
import Scenes
import Exports

/// Prints bench results in the chosen format and writes the plot, fed one
/// record at a time: CSV rows are printed as they come, and only what the
/// summaries need is kept (`BenchAggregate`), so memory does not grow with
/// the records.
struct BenchReport {
  let format: OutputFormat
  let plot: String?
  let budget: Int
  private var aggregate: BenchAggregate

  /// Starts the report; CSV prints its header.
  init(format: OutputFormat, plot: String?, budget: Int) throws {
    self.format = format
    self.plot = plot
    self.budget = budget
    aggregate = BenchAggregate(keepsCurves: plot != nil)
    if format == .csv { try StandardOutput.write(BenchRecordCSV.header.joined(separator: ",")) }
  }

  mutating func add(_ record: BenchRecord) throws {
    if format == .csv { try StandardOutput.write(BenchRecordCSV.row(record)) }
    aggregate.add(record)
  }

  /// Prints the summaries (CSV has printed its rows already) and writes the plot.
  func finish() throws {
    let summaries = aggregate.summaries
    switch format {
    case .csv: break
    case .json: try StandardOutput.writeVerbatim(jsonText(summaries.map(SummaryDocument.init)) + "\n")
    case .markdown: try StandardOutput.write(tables(summaries, markdown: true))
    case .table: try StandardOutput.write(tables(summaries, markdown: false))
    }
    if let plot {
      try writeAtomically(ConvergencePlot.svg(summaries, budget: budget), to: plot)
      printNote("wrote \(plot)")
    }
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
