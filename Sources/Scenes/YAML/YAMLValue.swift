import OptimizerCore
import Yams

/// A node of a parsed YAML document with its place in the file and its path
/// in the scene (`runs[1].settings`), read with strict types: every
/// accessor either returns the value asked for or throws an error at the
/// node's line and column.
struct YAMLValue {
  let node: Node
  /// Where the value sits in the scene, for messages: `view.scale`.
  let path: String

  var line: Int? { node.mark?.line }
  var column: Int? { node.mark?.column }

  /// The raw text of a scalar; nil for mappings and sequences.
  var text: String? { node.scalar?.string }

  /// A plain scalar `~`, `null` or nothing at all.
  var isNull: Bool {
    guard let scalar = node.scalar, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// An error at this node. A message that quotes the node's text whole
  /// (as the optimizers' and landscapes' own errors quote a name) quotes
  /// it as an excerpt instead (`QuotedLine.excerpt`).
  func error(_ message: String) -> SceneError {
    var message = message
    if let text, text.count > QuotedLine.excerptLength, message.contains(text) {
      message = message.replacing(text, with: QuotedLine.excerpt(text))
    }
    return SceneError(message, line: line, column: column, token: text)
  }

  /// "view.contours must be a whole number, got a list".
  func typeError(expected: String) -> SceneError {
    let got: String
    switch node {
    case .scalar(let scalar): got = "'\(scalar.string)'"
    case .mapping: got = "a mapping"
    case .sequence: got = "a list"
    case .alias: got = "an alias"
    }
    return error("\(path.isEmpty ? "the scene" : path) must be \(expected), got \(got)")
  }

  func string() throws(SceneError) -> String {
    guard let scalar = node.scalar, !isNull else { throw typeError(expected: "text") }
    return scalar.string
  }

  /// A number; YAML's `.inf`, `-.inf` and `.nan` spellings included.
  func double() throws(SceneError) -> Double {
    guard let scalar = node.scalar, scalar.style == .plain else { throw typeError(expected: "a number") }
    switch scalar.string.lowercased() {
    case ".inf", "+.inf": return .infinity
    case "-.inf": return -.infinity
    case ".nan": return .nan
    default: break
    }
    // Swift also reads "inf" and "nan", which YAML does not.
    guard let value = Double(scalar.string), value.isFinite else { throw typeError(expected: "a number") }
    return value
  }

  func finiteDouble() throws(SceneError) -> Double {
    let value = try double()
    guard value.isFinite else { throw error("\(path) must be a finite number, got \(text ?? "")") }
    return value
  }

  /// A coordinate of a domain or a view: finite and within
  /// ±`Limits.coordinate`.
  func coordinate() throws(SceneError) -> Double {
    let value = try finiteDouble()
    guard abs(value) <= Limits.coordinate else {
      throw error("\(path) must lie within ±\(formatNumber(Limits.coordinate)), got \(text ?? "")")
    }
    return value
  }

  func integer(atLeast minimum: Int = .min, atMost maximum: Int = .max) throws(SceneError) -> Int {
    guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) else {
      throw typeError(expected: "a whole number")
    }
    guard value >= minimum else { throw error("\(path) must be at least \(minimum), got \(value)") }
    guard value <= maximum else { throw error("\(path) must be at most \(maximum), got \(value)") }
    return value
  }

  func unsigned() throws(SceneError) -> UInt64 {
    guard let scalar = node.scalar, scalar.style == .plain, let value = UInt64(scalar.string) else {
      if let scalar = node.scalar, Int(scalar.string).map({ $0 < 0 }) == true {
        throw error("\(path) must be a whole number ≥ 0, got \(scalar.string)")
      }
      throw typeError(expected: "a whole number ≥ 0")
    }
    return value
  }

  func bool() throws(SceneError) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain else { throw typeError(expected: "true or false") }
    switch scalar.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw typeError(expected: "true or false")
    }
  }

  func sequence() throws(SceneError) -> [YAMLValue] {
    guard case .sequence(let items) = node else { throw typeError(expected: "a list") }
    return items.enumerated().map { YAMLValue(node: $0.element, path: "\(path)[\($0.offset)]") }
  }

  /// A point: a list of numbers, `count` of them when given; with
  /// `bounded`, each a `coordinate()`.
  func vector(count: Int? = nil, bounded: Bool = false) throws(SceneError) -> Vector {
    let items = try sequence()
    if let count, items.count != count {
      throw error("\(path) must have \(count) coordinates, got \(items.count)")
    }
    var components: [Double] = []
    for item in items { components.append(try bounded ? item.coordinate() : item.finiteDouble()) }
    return Vector(components)
  }

  /// A mapping whose keys must all be among `fields`.
  func mapping(fields: [String]) throws(SceneError) -> YAMLMapping {
    guard case .mapping(let pairs) = node else { throw typeError(expected: "a mapping") }
    var entries: [(key: YAMLValue, value: YAMLValue)] = []
    for (key, value) in pairs {
      let keyValue = YAMLValue(node: key, path: path)
      guard let name = key.scalar?.string else { throw keyValue.error("a key of \(path) must be a name") }
      if !fields.isEmpty, !fields.contains(name) {
        let place = path.isEmpty ? "the scene" : path
        throw keyValue.error(
          "unknown field '\(name)' in \(place)\(suggestionSuffix(for: name, in: fields)) (fields: \(fields.joined(separator: ", ")))")
      }
      entries.append((keyValue, YAMLValue(node: value, path: path.isEmpty ? name : "\(path).\(name)")))
    }
    return YAMLMapping(owner: self, entries: entries)
  }

  /// A mapping with any keys (hyperparameter settings).
  func openMapping() throws(SceneError) -> YAMLMapping { try mapping(fields: []) }
}

/// The fields of a YAML mapping, in file order.
struct YAMLMapping {
  let owner: YAMLValue
  let entries: [(key: YAMLValue, value: YAMLValue)]

  subscript(name: String) -> YAMLValue? { entries.first { $0.key.text == name }?.value }

  /// The field, or an error at the mapping saying it is missing.
  func required(_ name: String) throws(SceneError) -> YAMLValue {
    guard let value = self[name] else {
      let place = owner.path.isEmpty ? "the scene" : owner.path
      throw owner.error("\(place) needs the field '\(name)'")
    }
    return value
  }

  /// The fields present among `names`; more than one is an error.
  func oneOf(_ names: [String]) throws(SceneError) -> (name: String, value: YAMLValue) {
    let present = entries.filter { names.contains($0.key.text ?? "") }
    let place = owner.path.isEmpty ? "the scene" : owner.path
    guard let first = present.first else {
      throw owner.error("\(place) needs one of: \(names.joined(separator: ", "))")
    }
    guard present.count == 1 else {
      throw present[1].key.error("\(place) takes only one of \(names.joined(separator: ", "))")
    }
    return (first.key.text!, first.value)
  }
}
