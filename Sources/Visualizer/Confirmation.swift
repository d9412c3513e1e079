/// A question with a few one-key answers: quitting with unsaved changes,
/// overwriting a file.
public struct Confirmation: Sendable, Hashable {
  public enum Purpose: Sendable, Hashable {
    case quitWithUnsavedChanges
    /// The file exists; `thenQuit` when saving came from the quit question.
    case overwrite(path: String, thenQuit: Bool)
  }

  /// One answer: the key that gives it and what it does.
  public struct Choice: Sendable, Hashable {
    public var key: Key
    public var label: String
  }

  public var title: String
  public var purpose: Purpose
  /// What the question is about.
  public var lines: [String]
  public var choices: [Choice]

  /// Quitting a recording that is not saved.
  static func quit(_ what: String) -> Confirmation {
    Confirmation(
      title: "Unsaved changes", purpose: .quitWithUnsavedChanges,
      lines: ["This recording (\(what)) is not saved.", "Quitting without saving loses it."],
      choices: [
        Choice(key: .character("s"), label: "save, then quit"),
        Choice(key: .character("q"), label: "quit without saving"),
        Choice(key: .escape, label: "keep working"),
      ])
  }

  /// Saving over a file that exists.
  static func overwrite(_ path: String, thenQuit: Bool) -> Confirmation {
    Confirmation(
      title: "Overwrite?", purpose: .overwrite(path: path, thenQuit: thenQuit),
      lines: ["\(path) already exists."],
      choices: [
        Choice(key: .character("y"), label: "overwrite it"),
        Choice(key: .character("n"), label: "choose another name"),
        Choice(key: .escape, label: "cancel"),
      ])
  }
}
