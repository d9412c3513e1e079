import Foundation

/// An optimizer as a user names it, before it is checked: a registry name,
/// the descent parts named (each piece optional), and settings as text.
///
/// This is the one way from what was typed to a validated
/// `OptimizerConfiguration`: the command line, the bench and the scene
/// reader all build a choice and call `configuration(on:)`, so they accept
/// and refuse the same things with the same messages.
public struct OptimizerChoice: Sendable, Hashable {
  public var name: String
  /// Nil when no part was named; else the pieces named, the rest coming
  /// from the entry's default parts.
  public var parts: Parts?
  /// In the order given; a later setting of the same name wins.
  public var settings: [HyperparameterSetting]
  /// For `external`: the command that runs the optimizer.
  public var command: String?

  /// Descent parts as named: nil pieces take the entry's defaults (nil
  /// guards keep the default guards; an empty list means none).
  public struct Parts: Sendable, Hashable {
    public var gradient: String?
    public var update: String?
    public var guards: [String]?

    public init(gradient: String? = nil, update: String? = nil, guards: [String]? = nil) {
      self.gradient = gradient
      self.update = update
      self.guards = guards
    }

    /// The pieces named, for messages: `spsa, undo`.
    var named: String {
      let pieces = [gradient, update].compactMap { $0 } + (guards ?? [])
      return pieces.isEmpty ? "empty parts" : pieces.joined(separator: ", ")
    }
  }

  public init(_ name: String, parts: Parts? = nil, settings: [HyperparameterSetting] = [], command: String? = nil) {
    self.name = name
    self.parts = parts
    self.settings = settings
    self.command = command
  }

  /// The kind chosen and its default hyperparameters on `domain`: the name
  /// and the parts checked, the settings not yet applied.
  public func defaults(on domain: Domain) throws(ConfigurationError) -> (kind: OptimizerKind, hyperparameters: Hyperparameters) {
    let entry: OptimizerEntry
    do { entry = try OptimizerRegistry.entry(named: name) } catch { throw .name(error) }
    var kind = OptimizerKind(name: name)
    if let parts {
      guard let defaults = entry.defaultParts else {
        throw .parts(.partsNotAccepted(optimizer: name, parts: parts.named))
      }
      kind.parts = DescentParts(
        gradient: parts.gradient ?? defaults.gradient, update: parts.update ?? defaults.update,
        guards: parts.guards ?? defaults.guards)
    }
    do { try entry.requireDimension(domain.dimension, for: kind) } catch { throw .dimension(error) }
    do { return (kind, try OptimizerRegistry.hyperparameters(for: kind, domain: domain)) } catch { throw .parts(error) }
  }

  /// The validated recipe: the kind, and each setting checked against its
  /// spec on `domain` (distance-like ranges scale with its width).
  public func configuration(on domain: Domain) throws(ConfigurationError) -> OptimizerConfiguration {
    if name == OptimizerKind.externalName || command != nil { return try externalConfiguration() }
    var (kind, hyperparameters) = try defaults(on: domain)
    var values: [(String, Double)] = []
    for (index, setting) in settings.enumerated() {
      do {
        for axisSetting in try setting.perAxis(in: hyperparameters) {
          values.append((axisSetting.name, try axisSetting.apply(to: &hyperparameters)))
        }
      } catch {
        throw .setting(index: index, optimizer: kind.displayName, error)
      }
    }
    return OptimizerConfiguration(kind: kind, settings: values)
  }

  /// An external optimizer's recipe: its command, and its settings read as
  /// numbers. Their names and ranges are the process's to declare, so they
  /// are checked when it has (`ExternalOptimizer`).
  private func externalConfiguration() throws(ConfigurationError) -> OptimizerConfiguration {
    guard name == OptimizerKind.externalName else { throw .command(.commandNotAccepted(optimizer: name)) }
    guard let command, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .command(.commandMissing)
    }
    guard parts == nil else { throw .parts(.partsNotAccepted(optimizer: name, parts: parts!.named)) }
    var values: [(String, Double)] = []
    for (index, setting) in settings.enumerated() {
      let text = setting.text.trimmingCharacters(in: .whitespaces)
      let value = ["on", "true", "yes"].contains(text) ? 1 : ["off", "false", "no"].contains(text) ? 0 : Double(text)
      guard let value, value.isFinite else {
        throw .setting(index: index, optimizer: name, .unreadable(name: setting.name, text: setting.text, expected: "a number"))
      }
      values.append((setting.name, value))
    }
    return OptimizerConfiguration(kind: OptimizerKind(name: name, command: command), settings: values)
  }
}
