/// Which optimizer: a registry name and, for descent, its parts.
public struct OptimizerKind: Sendable, Hashable, Codable {
  public var name: String
  /// For `descent` and its presets: the gradient source, the update rule and
  /// the step guards (applied in order).
  public var parts: DescentParts?
  /// For `external`: the command that runs the optimizer (docs/PROTOCOL.md).
  public var command: String?
  /// For `external`: the name the process gave in its handshake, for the
  /// screen. Not part of the recipe, so not part of equality.
  public var label: String?

  /// The name of the kind whose optimizer is a child process.
  public static let externalName = "external"

  public init(name: String, parts: DescentParts? = nil, command: String? = nil) {
    self.name = name
    self.parts = parts
    self.command = command
  }

  /// What users read: `pso`, `descent(spsa, adam, undo)`, `random-search (external)`.
  public var displayName: String {
    if let command {
      // Before its handshake: the command's last word, the script (`random_search.py`).
      return "\(label ?? command.split(separator: "/").last.map(String.init) ?? command) (external)"
    }
    guard let parts else { return name }
    return "\(name)(\(parts.description))"
  }

  public static func == (a: OptimizerKind, b: OptimizerKind) -> Bool {
    a.name == b.name && a.parts == b.parts && a.command == b.command
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(parts)
    hasher.combine(command)
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
