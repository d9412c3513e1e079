/// One hyperparameter as a user typed it: a name and the text of its value
/// (a number, a choice's label, or on/off/true/false/yes/no for a flag).
public struct HyperparameterSetting: Sendable, Hashable {
  public var name: String
  public var text: String

  public init(_ name: String, _ text: String) {
    self.name = name
    self.text = text
  }

  /// Sets it in `hyperparameters` after checking the name, reading the text
  /// and checking the value against its spec; returns the value set.
  @discardableResult
  public func apply(to hyperparameters: inout Hyperparameters) throws(SettingError) -> Double {
    guard let spec = hyperparameters.spec(named: name) else {
      let known = hyperparameters.names
      throw .unknownName(name, suggestion: nearestName(to: name, in: known), known: known)
    }
    guard let value = spec.parse(text) else {
      let expected = spec.options.map { "one of \($0.joined(separator: ", "))" } ?? (spec.kind == .boolean ? "on, off, true or false" : "a number")
      throw .unreadable(name: name, text: text, expected: expected)
    }
    do { try hyperparameters.set(name, to: value) } catch {
      throw .invalid(error.description)
    }
    return value
  }
}

/// Why a setting could not be applied. The message names the optimizer, so
/// it is made for one (`message(optimizer:)`).
public enum SettingError: Error, Sendable, Equatable {
  case unknownName(String, suggestion: String?, known: [String])
  /// The text is no value of the parameter's kind; `expected` says what is.
  case unreadable(name: String, text: String, expected: String)
  /// The value is out of range or not of the parameter's kind.
  case invalid(String)

  /// "pso has no hyperparameter 'omgea'; did you mean 'omega'? (known: …)".
  public func message(optimizer: String) -> String {
    switch self {
    case .unknownName(let name, let suggestion, let known):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "\(optimizer) has no hyperparameter '\(name)'\(hint) (known: \(known.joined(separator: ", ")))"
    case .unreadable(let name, let text, let expected):
      return "\(optimizer): \(name) expects \(expected), got '\(text)'"
    case .invalid(let problem):
      return "\(optimizer): \(problem)"
    }
  }
}
