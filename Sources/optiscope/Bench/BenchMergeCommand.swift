import ArgumentParser
import Engine
import Foundation

/// `optiscope bench merge`: join the records of bench slices (CSV or a
/// shard's JSON) into one report.
struct BenchMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the files of bench slices (--shard K/N --format csv or json) into one report.",
    discussion: """
      The report is the one a single 'optiscope bench run' of the whole plan
      prints, a sweep's (--sweep) included; docs/CLUSTER.md runs the slices
      as a Slurm job array or a Kubernetes Indexed Job.

      Examples:
        optiscope bench merge part1.csv part2.csv part3.csv
        optiscope bench merge parts/*.csv --format markdown --plot curves.svg
        optiscope bench merge shard-*.json --format json --plot sensitivity.svg
      """)

  @Argument(help: "The CSV or JSON files written by 'optiscope bench run --shard K/N --format csv' (or json).")
  var files: [String]

  @Option(help: ArgumentHelp("Write the convergence curves (a sweep's sensitivity curves) as an SVG picture.", valueName: "file.svg"))
  var plot: String?

  @Option(help: OutputFormat.help([.table, .csv, .markdown, .json]))
  var format: OutputFormat = .table

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one CSV or JSON file") }
  }

  func run() throws {
    var records: [BenchRecord] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandLineError.failure("\(file): cannot read the file")
      }
      let text = String(decoding: data, as: UTF8.self)
      do {
        let read = BenchRecordJSON.isJSON(text) ? try BenchRecordJSON.read(text, file: file) : try BenchRecordCSV.read(text, file: file)
        if let first = read.first, let other = records.first, (first.sweep == nil) != (other.sweep == nil) {
          throw CommandLineError.failure("\(file): its runs are \(first.sweep == nil ? "not " : "")of a sweep and those before it are\(first.sweep == nil ? "" : " not"): were slices of different benches given?")
        }
        records += read
      } catch let error as BenchFileError {
        throw CommandLineError.failure(error.description)
      }
    }
    var seen = Set<Int>()
    for record in records where !seen.insert(record.index).inserted {
      throw CommandLineError.failure("run \(record.index) appears in more than one file: were the same slices merged twice?")
    }
    records.sort { $0.index < $1.index }
    let budgets = Set(records.map(\.budget))
    guard budgets.count <= 1 else {
      throw CommandLineError.failure("the files were run with different budgets (\(budgets.sorted().map(String.init).joined(separator: ", ")))")
    }
    var report = try BenchReport(
      format: format, plot: plot, budget: budgets.first ?? 0, sweep: records.contains { $0.sweep != nil })
    for record in records { try report.add(record) }
    try report.finish()
  }
}
