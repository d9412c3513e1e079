/// An optimizer's live-editable settings: its specs (already resolved for a
/// domain) and their current values, in declaration order.
///
/// Setting a value validates it against the spec, so an optimizer can read
/// its settings at the top of every step and trust them.
public struct Hyperparameters: Sendable, Hashable {
  public private(set) var specs: [HyperparameterSpec]
  public private(set) var values: [Double]

  /// The per-axis settings declared whose axes the domain has too many of
  /// to list (`Limits.perAxisSettings`): `init=distribution` then uses
  /// their defaults.
  public private(set) var omittedAxisGroups: [String]

  /// The specs at their defaults, resolved for `domain`: distance-like
  /// ones scaled by its smallest side w, per-axis ones (`mean`) one per
  /// axis (`mean.1`, `mean.2`, …).
  public init(_ specs: [HyperparameterSpec], domain: Domain) {
    self.specs = specs.flatMap { $0.resolved(on: domain) }
    self.values = self.specs.map(\.defaultValue)
    omittedAxisGroups = domain.dimension > Limits.perAxisSettings ? specs.filter(\.isPerAxis).map(\.name) : []
    let names = Set(self.specs.map(\.name))
    precondition(names.count == self.specs.count, "duplicate hyperparameter names in \(self.specs.map(\.name))")
  }

  /// The specs at their defaults for a domain of smallest side w and
  /// `dimension` axes, when none of them is per axis.
  public init(_ specs: [HyperparameterSpec], width: Double, dimension: Int) {
    precondition(!specs.contains(where: \.isPerAxis), "per-axis settings are resolved on a domain")
    self.specs = specs.map { $0.resolved(width: width, dimension: dimension) }
    self.values = self.specs.map(\.defaultValue)
    omittedAxisGroups = []
    let names = Set(specs.map(\.name))
    precondition(names.count == specs.count, "duplicate hyperparameter names in \(specs.map(\.name))")
  }

  public var names: [String] { specs.map(\.name) }

  /// The value of the named parameter. Asking for a name the optimizer did
  /// not declare is a programming error.
  public subscript(name: String) -> Double {
    guard let index = specs.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("no hyperparameter named \(name) among \(names)")
    }
    return values[index]
  }

  /// The value as a whole number (integer, choice and boolean parameters).
  public func integer(_ name: String) -> Int { Int(self[name]) }

  /// The value of a flag.
  public func flag(_ name: String) -> Bool { self[name] != 0 }

  /// The label chosen for a choice parameter.
  public func choice(_ name: String) -> String {
    let spec = self.spec(named: name)!
    return spec.describe(self[name])
  }

  public func spec(named name: String) -> HyperparameterSpec? { specs.first { $0.name == name } }

  /// The values of the per-axis setting `group` (`mean` → mean.1 … mean.n),
  /// in axis order; nil when there are none (not declared, or omitted on a
  /// domain of many axes).
  public func perAxis(_ group: String) -> [Double]? {
    let indices = specs.indices.filter { specs[$0].axisGroup == group }
    return indices.isEmpty ? nil : indices.map { values[$0] }
  }

  /// The axis specs of the per-axis setting `group`, in axis order.
  public func axisSpecs(of group: String) -> [HyperparameterSpec] { specs.filter { $0.axisGroup == group } }

  public func contains(_ name: String) -> Bool { specs.contains { $0.name == name } }

  /// Sets a value after checking it against the spec.
  public mutating func set(_ name: String, to value: Double) throws(HyperparameterError) {
    guard let index = specs.firstIndex(where: { $0.name == name }) else {
      throw .unknownName(name, suggestion: nearestName(to: name, in: names), known: names)
    }
    if let problem = specs[index].problem(with: value) { throw .invalidValue(problem) }
    values[index] = value
  }

  /// Puts the named parameter back to its default.
  public mutating func reset(_ name: String) {
    if let index = specs.firstIndex(where: { $0.name == name }) { values[index] = specs[index].defaultValue }
  }

  /// Copies every value that `other` also has and that is legal here, so
  /// that a rebuilt optimizer keeps the user's settings where they apply.
  public mutating func adopt(_ other: Hyperparameters) {
    for (index, spec) in specs.enumerated() {
      guard let otherIndex = other.specs.firstIndex(where: { $0.name == spec.name }) else { continue }
      let value = other.values[otherIndex]
      if spec.problem(with: value) == nil { values[index] = value }
    }
  }

  /// The values that differ from their defaults, by name.
  public var changed: [(name: String, value: Double)] {
    specs.indices.compactMap { values[$0] != specs[$0].defaultValue ? (specs[$0].name, values[$0]) : nil }
  }
}

/// Why a hyperparameter could not be set.
public enum HyperparameterError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownName(String, suggestion: String?, known: [String])
  case invalidValue(String)

  public var description: String {
    switch self {
    case .unknownName(let name, let suggestion, let known):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "unknown hyperparameter '\(name)'\(hint) (known: \(known.joined(separator: ", ")))"
    case .invalidValue(let message):
      return message
    }
  }
}
