import Foundation

/// One JSON value as the protocol reads it: decoded with `JSONDecoder`,
/// then taken apart field by field so that every complaint can name the
/// message, the field and the index at fault.
public enum JSONValue: Sendable, Hashable, Codable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Double.self) {
      // Numbers first: the protocol's long arrays are numbers.
      self = .number(value)
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// A number, or null for one that is not finite (docs/PROTOCOL.md).
  public static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

  /// A point as an array of numbers.
  public static func point(_ components: [Double]) -> JSONValue { .array(components.map(finite)) }

  /// What the value is, for a message: "a string", "an array of 3".
  var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string(let text): return "the string '\(text.prefix(20))'"
    case .array(let items): return "an array of \(items.count)"
    case .object: return "an object"
    }
  }

  /// The line of JSON this value is (keys sorted, so that it reads the same every time).
  public var line: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // A JSONValue holds only finite numbers (`finite`), so encoding cannot fail.
    return String(decoding: try! encoder.encode(self), as: UTF8.self)
  }
}
