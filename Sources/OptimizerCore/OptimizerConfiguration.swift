/// Which optimizer: a registry name and, for descent, its parts.
public struct OptimizerKind: Sendable, Hashable, Codable {
  public var name: String
  /// For `descent` and its presets: the gradient source, the update rule and
  /// the step guards (applied in order).
  public var parts: DescentParts?

  public init(name: String, parts: DescentParts? = nil) {
    self.name = name
    self.parts = parts
  }

  /// What users read: `pso`, `descent(spsa, adam, undo)`.
  public var displayName: String {
    guard let parts else { return name }
    return "\(name)(\(parts.description))"
  }
}

/// The parts of a descent optimizer: a gradient source, an update rule and
/// step guards, chained as `DescentOptimizer` runs them.
public struct DescentParts: Sendable, Hashable, Codable, CustomStringConvertible {
  public var gradient: String
  public var update: String
  public var guards: [String]

  public init(gradient: String, update: String, guards: [String] = []) {
    self.gradient = gradient
    self.update = update
    self.guards = guards
  }

  public var description: String { ([gradient, update] + guards).joined(separator: ", ") }
}

/// A recipe for an optimizer: its kind and the settings that differ from the
/// defaults. This is what scenes store and the command line builds.
public struct OptimizerConfiguration: Sendable, Hashable {
  public var kind: OptimizerKind
  /// (name, value) in the order given; later entries win.
  public var settings: [Setting]

  public struct Setting: Sendable, Hashable {
    public var name: String
    public var value: Double
    public init(_ name: String, _ value: Double) {
      self.name = name
      self.value = value
    }
  }

  public init(kind: OptimizerKind, settings: [(String, Double)] = []) {
    self.kind = kind
    self.settings = settings.map { Setting($0.0, $0.1) }
  }

  public init(_ name: String, parts: DescentParts? = nil, settings: [(String, Double)] = []) {
    self.init(kind: OptimizerKind(name: name, parts: parts), settings: settings)
  }
}
