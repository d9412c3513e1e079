import OptimizerCore

/// What has the keyboard besides the main screen: a picker, a text field
/// or a question.
public enum Modal: Sendable, Hashable {
  case picker(Picker)
  case textEntry(TextEntry)
  case confirmation(Confirmation)
}

/// A list to choose from, narrowed by typing (a fuzzy filter).
public struct Picker: Sendable, Hashable {
  /// What choosing an item does.
  public enum Purpose: Sendable, Hashable {
    case addRun
    case swapOptimizer
    case landscape
    /// Choosing the parts of a descent optimizer, one picker per part; the
    /// parts chosen so far ride along.
    case descentGradient(forSwap: Bool, optimizer: String)
    case descentUpdate(forSwap: Bool, optimizer: String, gradient: String)
    case descentGuard(forSwap: Bool, optimizer: String, gradient: String, update: String, guards: [String])
  }

  public struct Item: Sendable, Hashable {
    public var name: String
    public var detail: String
  }

  public var title: String
  public var purpose: Purpose
  public var items: [Item]
  public var filter = ""
  public var selection = 0

  public init(title: String, purpose: Purpose, items: [Item]) {
    self.title = title
    self.purpose = purpose
    self.items = items
  }

  /// The items that match the filter, best match first.
  public var visible: [Item] {
    guard !filter.isEmpty else { return items }
    return items.compactMap { item in fuzzyScore(filter, in: item.name).map { (item, $0) } }
      .sorted { $0.1 > $1.1 }.map(\.0)
  }

  /// The item enter would choose.
  public var chosen: Item? {
    let shown = visible
    return shown.isEmpty ? nil : shown[min(selection, shown.count - 1)]
  }
}

/// A one-line text field with a live check of what was typed.
public struct TextEntry: Sendable, Hashable {
  public enum Purpose: Sendable, Hashable {
    case expression
    case noise
    case parameter(run: Int, name: String)
    /// A file name for the scene; `thenQuit` when saving came from the
    /// quit question.
    case saveScene(thenQuit: Bool)
    case goToStep
    case breakpoint
    /// The command of an external optimizer to add, or to swap in.
    case externalCommand(forSwap: Bool)
  }

  public var title: String
  public var purpose: Purpose
  public var text: String
  /// A hint under the field: the valid range, or what the field takes.
  public var hint: String
  /// Lines under the hint: what is set already (the breakpoints).
  public var notes: [String]
  /// The problem with the text as it stands, if any.
  public var problem: EntryProblem?
  /// True while the text is the value the field opened with and the first
  /// character typed replaces it (a number, a file name), as a selected
  /// value does. A typed expression opens for editing instead.
  public var replacesOnTyping: Bool

  public init(title: String, purpose: Purpose, text: String = "", hint: String, notes: [String] = []) {
    self.title = title
    self.purpose = purpose
    self.text = text
    self.hint = hint
    self.notes = notes
    self.replacesOnTyping = !text.isEmpty && purpose != .expression
  }
}

/// What is wrong with a text entry, and where (a 1-based column and a
/// length, for the caret line), when a position is known.
public struct EntryProblem: Sendable, Hashable {
  public var message: String
  public var column: Int?
  public var length: Int

  public init(_ message: String, column: Int? = nil, length: Int = 1) {
    self.message = message
    self.column = column
    self.length = length
  }
}

/// How well `query` matches `text` as a subsequence (case-insensitive), or
/// nil when it does not: consecutive letters and a match at the start or
/// after a hyphen score higher, so `sa` finds `simulated-annealing` first.
func fuzzyScore(_ query: String, in text: String) -> Int? {
  let query = Array(query.lowercased()), text = Array(text.lowercased())
  var score = 0, position = 0, previous = -2
  for character in query {
    guard let found = text[position...].firstIndex(of: character) else { return nil }
    score += 1
    if found == previous + 1 { score += 3 }
    if found == 0 || text[found - 1] == "-" { score += 5 }
    previous = found
    position = found + 1
  }
  return score * 100 - text.count
}
