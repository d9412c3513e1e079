import Exports
import Foundation

/// A JSON document as the command line prints it: an `Encodable` struct
/// written by Foundation's JSONEncoder, pretty-printed, with sorted keys
/// (JSONEncoder keeps no order of its own, so sorting is what makes two
/// runs print the same bytes) and slashes unescaped (paths stay readable).
/// Numbers are written as `exactNumber` writes them; every control
/// character in a string is escaped (`escapingRawJSONControls`).
func jsonText<Document: Encodable>(_ document: Document) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  do {
    return String(decoding: try encoder.encode(document), as: UTF8.self).escapingRawJSONControls()
  } catch {
    // JSONEncoder refuses only NaN and the infinities, which every document
    // holds as `JSONNumber`.
    preconditionFailure("a JSON document could not be encoded: \(error)")
  }
}

/// A number in a JSON document. JSON has no NaN or infinities, so those,
/// like a number that is missing, are `null` (JSONEncoder would refuse
/// them; writing them as strings would change the field's type).
struct JSONNumber: Encodable {
  let value: Double?

  init(_ value: Double?) { self.value = value }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value, value.isFinite { try container.encode(value) } else { try container.encodeNil() }
  }

  /// A point's coordinates.
  static func list(_ values: [Double]) -> [JSONNumber] { values.map(JSONNumber.init) }
}

/// A field that is `null` when there is nothing to say, rather than left
/// out (JSONEncoder leaves out a nil optional).
struct JSONNullable<Wrapped: Encodable>: Encodable {
  let value: Wrapped?

  init(_ value: Wrapped?) { self.value = value }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}

/// A hyperparameter's value in JSON: a flag, a choice's label or a number.
enum JSONSetting: Encodable {
  case flag(Bool)
  case label(String)
  case number(JSONNumber)

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .flag(let value): try container.encode(value)
    case .label(let text): try container.encode(text)
    case .number(let number): try container.encode(number)
    }
  }
}
