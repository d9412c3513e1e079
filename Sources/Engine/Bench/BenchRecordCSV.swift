import Foundation
import OptimizerCore

/// Bench records as CSV, one row per run: what `bench --format csv` prints
/// and what `bench merge` reads back, so that shards run on a cluster join
/// into the same summary as one big run.
public enum BenchRecordCSV {
  public static let header = [
    "index", "optimizer", "landscape", "seed", "budget", "evaluations", "best_loss", "f_star", "gap",
    "evals_to_success", "seconds", "curve",
  ]

  /// The header of a sweep's records: one more column, each run's swept
  /// values as `key=value` (`:log` after a log sweep's), separated by `;`.
  public static let sweepHeader = header + ["sweep"]

  /// The header for records of a sweep or not.
  public static func header(sweep: Bool) -> [String] { sweep ? sweepHeader : header }

  public static func write(_ records: [BenchRecord]) -> String {
    let sweep = records.contains { $0.sweep != nil }
    return ([header(sweep: sweep).joined(separator: ",")] + records.map(row)).joined(separator: "\n") + "\n"
  }

  /// One record's line, without its line break; a sweep's record has its
  /// values in one more field.
  public static func row(_ r: BenchRecord) -> String {
    var fields: [String] = [
      String(r.index), quoted(r.optimizer), quoted(r.landscape), String(r.seed), String(r.budget),
      String(r.evaluations), exactNumber(r.bestLoss), r.minimum.map(exactNumber) ?? "",
      r.gap.map(exactNumber) ?? "", r.evaluationsToSuccess.map(String.init) ?? "",
      exactNumber(r.seconds), r.curve.map(exactNumber).joined(separator: ";"),
    ]
    if let sweep = r.sweep { fields.append(quoted(sweep.map(\.text).joined(separator: ";"))) }
    return fields.joined(separator: ",")
  }

  /// Reads records back; errors name the file's line and the bad field.
  public static func read(_ text: String, file: String) throws(BenchFileError) -> [BenchRecord] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first else { throw BenchFileError(file: file, line: 1, message: "the file is empty") }
    let columns = splitFields(first)
    guard columns == header || columns == sweepHeader else {
      throw BenchFileError(
        file: file, line: 1, message: "not a bench CSV: the header should be \(header.joined(separator: ",")) (and sweep, for a sweep)")
    }
    let isSweep = columns == sweepHeader
    var records: [BenchRecord] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let number = offset + 1
      let fields = splitFields(line)
      guard fields.count == columns.count else {
        throw BenchFileError(file: file, line: number, message: "expected \(columns.count) fields, found \(fields.count)")
      }
      func field<T>(_ column: Int, _ parse: (String) -> T?) throws(BenchFileError) -> T {
        guard let value = parse(fields[column]) else {
          throw BenchFileError(file: file, line: number, message: "bad \(header[column]) '\(fields[column])'")
        }
        return value
      }
      func optional<T>(_ column: Int, _ parse: (String) -> T?) throws(BenchFileError) -> T? {
        fields[column].isEmpty ? nil : try field(column, parse)
      }
      // A budget is a count of evaluations, as `bench run --evals` takes it.
      let budget: Int = try field(4) { Int($0) }
      guard (1...Limits.steps).contains(budget) else {
        throw BenchFileError(
          file: file, line: number, message: "budget must be from 1 to \(Limits.steps) evaluations, got \(budget)")
      }
      let curve: [Double] = try fields[11].isEmpty ? [] : fields[11].split(separator: ";").map {
        (text) throws(BenchFileError) -> Double in
        guard let value = Double(text) else {
          throw BenchFileError(file: file, line: number, message: "bad curve value '\(text)'")
        }
        return value
      }
      var sweep: [SweptValue]?
      if isSweep {
        sweep = try fields[12].split(separator: ";").map { (text) throws(BenchFileError) -> SweptValue in
          guard let value = SweptValue(text: String(text)) else {
            throw BenchFileError(file: file, line: number, message: "bad swept value '\(text)': expected key=value")
          }
          return value
        }
      }
      records.append(
        BenchRecord(
          index: try field(0) { Int($0) }, optimizer: fields[1], landscape: fields[2],
          seed: try field(3) { UInt64($0) }, budget: budget,
          evaluations: try field(5) { Int($0) }, bestLoss: try field(6) { Double($0) },
          minimum: try optional(7) { Double($0) }, evaluationsToSuccess: try optional(9) { Int($0) },
          seconds: try field(10) { Double($0) }, curve: curve, sweep: sweep))
    }
    return records
  }

  private static func quoted(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Splits a CSV line, honouring double-quoted fields.
  static func splitFields(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var inQuotes = false
    var iterator = line.makeIterator()
    while let character = iterator.next() {
      switch (character, inQuotes) {
      case ("\"", true):
        var lookahead = iterator
        if lookahead.next() == "\"" {
          current.append("\"")
          iterator = lookahead
        } else {
          inQuotes = false
        }
      case ("\"", false) where current.isEmpty: inQuotes = true
      case (",", false):
        fields.append(current)
        current = ""
      default: current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}

/// A bench CSV that cannot be read: which file, which line, what is wrong.
public struct BenchFileError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String
  public var description: String { "\(file):\(line): \(message)" }
}
