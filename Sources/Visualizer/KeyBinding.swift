/// One row of the key table: the keys, what they do, and where the help
/// lists them.
public struct KeyBinding: Sendable {
  public var section: KeySection
  /// The keys that trigger it (the first is the one hints show).
  public var keys: [Key]
  /// How the help and docs write the keys, when a list of keys would read
  /// badly (`1–9`, `← →`).
  public var label: String
  public var description: String
  /// The action for a key of this row.
  let action: @Sendable (Key) -> Action

  init(_ section: KeySection, _ keys: [Key], label: String? = nil, _ description: String, action: Action) {
    self.init(section, keys, label: label, description, actionFor: { _ in action })
  }

  init(
    _ section: KeySection, _ keys: [Key], label: String? = nil, _ description: String,
    actionFor: @escaping @Sendable (Key) -> Action
  ) {
    self.section = section
    self.keys = keys
    self.label = label ?? keys.map(\.description).joined(separator: " ")
    self.description = description
    self.action = actionFor
  }
}

/// The help overlay's and docs' sections, in order.
public enum KeySection: String, Sendable, CaseIterable {
  case running = "Running"
  case scenes = "Scenes"
  case runs = "Runs"
  case hyperparameters = "Hyperparameters"
  case landscape = "Landscape"
  case view = "View"
  case mouse = "Mouse"
  case general = "General"
}
