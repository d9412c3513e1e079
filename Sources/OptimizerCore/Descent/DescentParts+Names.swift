/// A descent part as users pick it: the name they type and the one line
/// that says what it does (its `summary`, the registry's help for it).
public struct DescentPartDescription: Sendable, Hashable {
  public let name: String
  public let summary: String
}

extension DescentParts {
  /// The gradient sources users can name, in catalog order.
  public static var gradientNames: [String] { gradientSources.map(\.name) }

  /// The update rules users can name, in catalog order.
  public static var updateNames: [String] { updateRules.map(\.name) }

  /// The step guards users can name, in catalog order.
  public static var guardNames: [String] { stepGuards.map(\.name) }

  /// Every gradient source with its one-line description, in catalog order.
  public static var gradientSources: [DescentPartDescription] {
    DescentComposition.sources.map { DescentPartDescription(name: $0.name, summary: $0.summary) }
  }

  /// Every update rule with its one-line description, in catalog order.
  public static var updateRules: [DescentPartDescription] {
    DescentComposition.rules.map { DescentPartDescription(name: $0.name, summary: $0.summary) }
  }

  /// Every step guard with its one-line description, in catalog order.
  public static var stepGuards: [DescentPartDescription] {
    DescentComposition.guards.map { DescentPartDescription(name: $0.name, summary: $0.summary) }
  }
}
