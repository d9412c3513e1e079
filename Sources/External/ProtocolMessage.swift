import Foundation
import OptimizerCore

/// A message read from a process, taken apart field by field: every
/// accessor names the message, where in the exchange it came ("at step
/// 4") and the field at fault when the message is not what
/// docs/PROTOCOL.md says.
struct ProtocolMessage {
  let type: String
  let fields: [String: JSONValue]
  /// Where in the exchange it came: "step 4", "the handshake".
  let moment: String

  /// Parses one line of the process's output.
  init(line: String, number: Int, moment: String) throws(ProtocolViolation) {
    let value: JSONValue
    do { value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) } catch {
      throw ProtocolViolation("line \(number) of its output is not JSON: '\(Self.excerpt(line))'")
    }
    guard case .object(let fields) = value else {
      throw ProtocolViolation("line \(number) of its output is \(value.kindDescription), not a JSON object with a \"type\"")
    }
    guard case .string(let type)? = fields["type"] else {
      throw ProtocolViolation("line \(number) of its output has no \"type\": '\(Self.excerpt(line))'")
    }
    self.type = type
    self.fields = fields
    self.moment = moment
  }

  static func excerpt(_ line: String) -> String {
    let shown = line.count > 60 ? String(line.prefix(57)) + "…" : line
    return shown.escapingControlCharacters()
  }

  /// Fails unless this is one of `types`; an `error` message ends the run with its own text.
  func require(_ types: String...) throws(ProtocolViolation) {
    if type == "error", !types.contains("error") {
      let message = (try? string("message")) ?? "(no message)"
      throw ProtocolViolation("the process reported an error at \(moment): \(message.escapingControlCharacters())")
    }
    guard types.contains(type) else {
      let expected = types.map { "'\($0)'" }.joined(separator: " or ")
      throw ProtocolViolation("expected \(expected) at \(moment), got '\(type.escapingControlCharacters())'")
    }
  }

  private func missing(_ field: String) -> ProtocolViolation {
    ProtocolViolation("'\(type)' at \(moment) has no '\(field)'")
  }

  private func wrong(_ field: String, _ expected: String, got value: JSONValue) -> ProtocolViolation {
    ProtocolViolation("'\(type)' at \(moment): '\(field)' should be \(expected), got \(value.kindDescription)")
  }

  func has(_ field: String) -> Bool { fields[field].map { $0 != .null } ?? false }

  func string(_ field: String) throws(ProtocolViolation) -> String {
    guard let value = fields[field] else { throw missing(field) }
    guard case .string(let text) = value else { throw wrong(field, "a string", got: value) }
    return text
  }

  func number(_ field: String) throws(ProtocolViolation) -> Double {
    guard let value = fields[field] else { throw missing(field) }
    guard case .number(let number) = value else { throw wrong(field, "a number", got: value) }
    return number
  }

  func bool(_ field: String, default fallback: Bool) throws(ProtocolViolation) -> Bool {
    guard let value = fields[field], value != .null else { return fallback }
    guard case .bool(let flag) = value else { throw wrong(field, "true or false", got: value) }
    return flag
  }

  func array(_ field: String) throws(ProtocolViolation) -> [JSONValue] {
    guard let value = fields[field] else { throw missing(field) }
    guard case .array(let items) = value else { throw wrong(field, "an array", got: value) }
    return items
  }

  func object(_ field: String) throws(ProtocolViolation) -> [String: JSONValue] {
    guard let value = fields[field] else { throw missing(field) }
    guard case .object(let members) = value else { throw wrong(field, "an object", got: value) }
    return members
  }

  /// An array of points of `dimension` finite numbers each.
  func points(_ field: String, dimension: Int) throws(ProtocolViolation) -> [Vector] {
    let items = try array(field)
    var points: [Vector] = []
    points.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      points.append(try point(item, at: "'\(field)'[\(index)]", dimension: dimension))
    }
    return points
  }

  /// One point: `dimension` finite numbers.
  func point(_ item: JSONValue, at place: String, dimension: Int) throws(ProtocolViolation) -> Vector {
    guard case .array(let numbers) = item else {
      throw ProtocolViolation("'\(type)' at \(moment): \(place) should be a point (an array of \(dimension) numbers), got \(item.kindDescription)")
    }
    guard numbers.count == dimension else {
      throw ProtocolViolation("'\(type)' at \(moment): \(place) has \(numbers.count) numbers, the domain has \(dimension) axes")
    }
    var components: [Double] = []
    components.reserveCapacity(dimension)
    for (axis, number) in numbers.enumerated() {
      guard case .number(let value) = number else {
        throw ProtocolViolation("'\(type)' at \(moment): \(place)[\(axis)] should be a number, got \(number.kindDescription)")
      }
      components.append(value)
    }
    return Vector(components)
  }

  /// Numbers, `null` read as NaN, exactly `count` of them.
  func numbers(_ field: String, count: Int) throws(ProtocolViolation) -> [Double] {
    let items = try array(field)
    guard items.count == count else {
      throw ProtocolViolation("'\(type)' at \(moment): '\(field)' has \(items.count) entries for \(count) points")
    }
    var values: [Double] = []
    for (index, item) in items.enumerated() {
      switch item {
      case .number(let value): values.append(value)
      case .null: values.append(.nan)
      default:
        throw ProtocolViolation("'\(type)' at \(moment): '\(field)'[\(index)] should be a number or null, got \(item.kindDescription)")
      }
    }
    return values
  }
}

/// What a process did wrong, in the words docs/PROTOCOL.md lists.
public struct ProtocolViolation: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
