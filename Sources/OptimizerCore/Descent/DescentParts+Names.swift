extension DescentParts {
  /// The gradient sources users can name, in catalog order.
  public static var gradientNames: [String] { DescentComposition.sources.map { $0.name } }

  /// The update rules users can name, in catalog order.
  public static var updateNames: [String] { DescentComposition.rules.map { $0.name } }

  /// The step guards users can name, in catalog order.
  public static var guardNames: [String] { DescentComposition.guards.map { $0.name } }
}
