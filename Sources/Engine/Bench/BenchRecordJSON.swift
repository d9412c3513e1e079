import Foundation
import OptimizerCore

/// Bench records as JSON: what `bench run --shard K/N --format json`
/// prints and `bench merge` reads back, a JSON array with one run per line
/// (the CSV's fields, `f_star` and `evals_to_success` null when there are
/// none, and a sweep's `sweep` as `[{"key", "value", "log"}]`). A number
/// that is not finite (a curve before its first evaluation) is written as
/// the string `inf`, `-inf` or `nan`, so that every record reads back bit
/// for bit.
public enum BenchRecordJSON {
  /// The first line of the document.
  public static let opening = "["
  /// The last line of the document.
  public static let closing = "]"

  /// One record as a line of the document, without its separator.
  public static func line(_ record: BenchRecord) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(Document(record)), as: UTF8.self)
    } catch {
      // Every number is a `Number`, which encodes the ones JSON lacks as text.
      preconditionFailure("a bench record could not be encoded: \(error)")
    }
  }

  public static func write(_ records: [BenchRecord]) -> String {
    ([opening] + records.enumerated().map { line($1) + ($0 < records.count - 1 ? "," : "") } + [closing])
      .joined(separator: "\n") + "\n"
  }

  /// Whether `text` looks like this JSON rather than CSV.
  public static func isJSON(_ text: String) -> Bool {
    text.first { !$0.isWhitespace } == "["
  }

  /// Reads records back; errors name the file's line and what is wrong.
  public static func read(_ text: String, file: String) throws(BenchFileError) -> [BenchRecord] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var records: [BenchRecord] = []
    var opened = false, closed = false
    let decoder = JSONDecoder()
    for (offset, raw) in lines.enumerated() {
      let number = offset + 1
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if closed { throw BenchFileError(file: file, line: number, message: "text after the closing ']'") }
      if !opened {
        guard line == opening else {
          throw BenchFileError(file: file, line: number, message: "not a bench shard's JSON: it should open with '[' on a line of its own")
        }
        opened = true
        continue
      }
      if line == closing {
        closed = true
        continue
      }
      if line == "{" {
        throw BenchFileError(
          file: file, line: number,
          message: "this is a report (bench run --format json), not a shard's runs: run the slices with --shard K/N --format json")
      }
      if line.hasSuffix(",") { line.removeLast() }
      do {
        records.append(try decoder.decode(Document.self, from: Data(line.utf8)).record)
      } catch let error as DecodingError {
        throw BenchFileError(file: file, line: number, message: describe(error))
      } catch {
        throw BenchFileError(file: file, line: number, message: "\(error)")
      }
    }
    guard opened else { throw BenchFileError(file: file, line: 1, message: "the file is empty") }
    guard closed else { throw BenchFileError(file: file, line: lines.count, message: "the closing ']' is missing") }
    return records
  }

  /// A decoding error in a user's words: the field and what is wrong.
  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      return names.isEmpty ? "the record" : names.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, _): return "a run's record lacks '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context): return "bad \(path(context)): \(context.debugDescription)"
    case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not a JSON object: \(context.debugDescription)" : "bad \(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  /// A number as the document holds it: JSON's own for a finite one,
  /// `exactNumber`'s text for the others.
  struct Number: Codable {
    var value: Double

    init(_ value: Double) { self.value = value }

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let value = try? container.decode(Double.self) {
        self.value = value
        return
      }
      let text = try container.decode(String.self)
      switch text {
      case "inf": value = .infinity
      case "-inf": value = -.infinity
      case "nan": value = .nan
      default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number, got '\(text)'")
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      if value.isFinite { try container.encode(value) } else { try container.encode(exactNumber(value)) }
    }
  }

  struct Swept: Codable {
    var key: String
    var value: Number
    var log: Bool
  }

  /// One record as the document writes it.
  struct Document: Codable {
    var index: Int
    var optimizer: String
    var landscape: String
    var seed: UInt64
    var budget: Int
    var evaluations: Int
    var bestLoss: Number
    var fStar: Number?
    var gap: Number?
    var evalsToSuccess: Int?
    var seconds: Number
    var curve: [Number]
    var sweep: [Swept]?

    enum CodingKeys: String, CodingKey {
      case index, optimizer, landscape, seed, budget, evaluations
      case bestLoss = "best_loss"
      case fStar = "f_star"
      case gap
      case evalsToSuccess = "evals_to_success"
      case seconds, curve, sweep
    }

    init(_ r: BenchRecord) {
      index = r.index
      optimizer = r.optimizer
      landscape = r.landscape
      seed = r.seed
      budget = r.budget
      evaluations = r.evaluations
      bestLoss = Number(r.bestLoss)
      fStar = r.minimum.map(Number.init)
      gap = r.gap.map(Number.init)
      evalsToSuccess = r.evaluationsToSuccess
      seconds = Number(r.seconds)
      curve = r.curve.map(Number.init)
      sweep = r.sweep?.map { Swept(key: $0.key, value: Number($0.value), log: $0.logarithmic) }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(index, forKey: .index)
      try container.encode(optimizer, forKey: .optimizer)
      try container.encode(landscape, forKey: .landscape)
      try container.encode(seed, forKey: .seed)
      try container.encode(budget, forKey: .budget)
      try container.encode(evaluations, forKey: .evaluations)
      try container.encode(bestLoss, forKey: .bestLoss)
      // Null rather than left out: every record has every field.
      if let fStar { try container.encode(fStar, forKey: .fStar) } else { try container.encodeNil(forKey: .fStar) }
      if let gap { try container.encode(gap, forKey: .gap) } else { try container.encodeNil(forKey: .gap) }
      if let evalsToSuccess { try container.encode(evalsToSuccess, forKey: .evalsToSuccess) } else {
        try container.encodeNil(forKey: .evalsToSuccess)
      }
      try container.encode(seconds, forKey: .seconds)
      try container.encode(curve, forKey: .curve)
      // Only a sweep's records have it, as only a sweep's CSV has the column.
      try container.encodeIfPresent(sweep, forKey: .sweep)
    }

    var record: BenchRecord {
      get throws {
        guard (1...Limits.steps).contains(budget) else {
          throw DecodingError.dataCorrupted(
            .init(codingPath: [CodingKeys.budget], debugDescription: "budget must be from 1 to \(Limits.steps) evaluations, got \(budget)"))
        }
        return BenchRecord(
          index: index, optimizer: optimizer, landscape: landscape, seed: seed, budget: budget, evaluations: evaluations,
          bestLoss: bestLoss.value, minimum: fStar?.value, evaluationsToSuccess: evalsToSuccess, seconds: seconds.value,
          curve: curve.map(\.value), sweep: sweep?.map { SweptValue(key: $0.key, value: $0.value.value, logarithmic: $0.log) })
      }
    }
  }
}
