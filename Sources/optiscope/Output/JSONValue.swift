import Rendering
import Foundation
import OptimizerCore

/// A JSON document, written by hand so that numbers keep full precision
/// (`%.17g`) and non-finite numbers become `null`.
enum JSONValue {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A number, or null when it is NaN or infinite (JSON has neither).
  static func finite(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  static func vector(_ vector: Vector) -> JSONValue { .array(vector.components.map { .finite($0) }) }

  /// The compact text, or pretty-printed with two-space indents.
  func serialized(pretty: Bool = true, indent: String = "") -> String {
    let inner = indent + "  "
    let newline = pretty ? "\n" : ""
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
      return value.description  // the shortest text that reads back to the same Double
    case .string(let text): return jsonQuoted(text)
    case .array(let items):
      if items.isEmpty { return "[]" }
      let scalar = items.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
      if scalar || !pretty { return "[" + items.map { $0.serialized(pretty: false) }.joined(separator: ", ") + "]" }
      return "[" + newline + items.map { inner + $0.serialized(pretty: pretty, indent: inner) }
        .joined(separator: "," + newline) + newline + indent + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let body = members.map { key, value in
        (pretty ? inner : "") + jsonQuoted(key) + ": " + value.serialized(pretty: pretty, indent: inner)
      }
      return "{" + newline + body.joined(separator: "," + newline) + newline + (pretty ? indent : "") + "}"
    }
  }
}
