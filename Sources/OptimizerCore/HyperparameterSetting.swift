/// One hyperparameter as a user typed it: a name and the text of its value
/// (a number, a choice's label, or on/off/true/false/yes/no for a flag).
public struct HyperparameterSetting: Sendable, Hashable {
  public var name: String
  public var text: String

  public init(_ name: String, _ text: String) {
    self.name = name
    self.text = text
  }

  /// The settings this one stands for in `hyperparameters`: itself, or for
  /// a per-axis setting (`mean=0.5;-1`) one per axis (`mean.1=0.5`,
  /// `mean.2=-1`), the values separated by `;`; one value sets every axis.
  public func perAxis(in hyperparameters: Hyperparameters) throws(SettingError) -> [HyperparameterSetting] {
    guard !hyperparameters.contains(name) else { return [self] }
    if hyperparameters.omittedAxisGroups.contains(name) {
      throw .invalid(
        "\(name) is set per axis only on domains of at most \(Limits.perAxisSettings) axes; this one has more, so it keeps its default")
    }
    let axes = hyperparameters.axisSpecs(of: name)
    guard !axes.isEmpty else { return [self] }
    let texts = text.split(separator: ";", omittingEmptySubsequences: false)
      .map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    guard texts.count == 1 || texts.count == axes.count else {
      throw .unreadable(
        name: name, text: text,
        expected: "\(axes.count) numbers separated by ';', one per axis, or one number for every axis")
    }
    return axes.indices.map { HyperparameterSetting(axes[$0].name, texts.count == 1 ? texts[0] : texts[$0]) }
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
