import ArgumentParser
import Engine
import Foundation

/// `optiscope bench merge`: join sliced CSVs into one report.
struct BenchMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the CSV files of bench slices (--shard K/N --format csv) into one report.",
    discussion: """
      Examples:
        optiscope bench merge part1.csv part2.csv part3.csv
        optiscope bench merge parts/*.csv --format markdown --plot curves.svg
      """)

  @Argument(help: "The CSV files written by 'optiscope bench run --shard K/N --format csv'.")
  var files: [String]

  @Option(help: ArgumentHelp("Write the convergence curves as an SVG picture.", valueName: "file.svg"))
  var plot: String?

  @Option(help: OutputFormat.help([.table, .csv, .markdown, .json]))
  var format: OutputFormat = .table

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one CSV file") }
  }

  func run() throws {
    var records: [BenchRecord] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandLineError.failure("\(file): cannot read the file")
      }
      do { records += try BenchRecordCSV.read(String(decoding: data, as: UTF8.self), file: file) } catch {
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
    var report = try BenchReport(format: format, plot: plot, budget: budgets.first ?? 0)
    for record in records { try report.add(record) }
    try report.finish()
  }
}
