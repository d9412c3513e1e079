/// What the user did, decoded from the terminal: the only input the
/// visualizer sees, so that it can be driven without a terminal in tests.
public enum InputEvent: Sendable, Hashable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal now has this many columns and rows.
  case resize(width: Int, height: Int)
}

/// A key press, with the terminal's special keys named.
public enum Key: Sendable, Hashable, CustomStringConvertible {
  /// A printable character (letters keep their case: `R` is shift-r).
  case character(Character)
  case up, down, left, right
  /// Shift with ←/→/↑/↓ (a coarser change).
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case enter, escape, backspace, delete, tab, backTab
  case home, end, pageUp, pageDown
  /// Control plus a letter (`.control("c")` is Ctrl-C when it is not a signal).
  case control(Character)
  /// F1…F12.
  case function(Int)

  public var description: String {
    switch self {
    case .character(" "): return "space"
    case .character(let c): return String(c)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .shiftUp: return "shift-↑"
    case .shiftDown: return "shift-↓"
    case .shiftLeft: return "shift-←"
    case .shiftRight: return "shift-→"
    case .enter: return "enter"
    case .escape: return "esc"
    case .backspace: return "backspace"
    case .delete: return "delete"
    case .tab: return "tab"
    case .backTab: return "shift-tab"
    case .home: return "home"
    case .end: return "end"
    case .pageUp: return "page-up"
    case .pageDown: return "page-down"
    case .control(let c): return "ctrl-\(c)"
    case .function(let n): return "F\(n)"
    }
  }
}

/// A mouse action at a cell (0-based column and row of the screen).
public struct MouseEvent: Sendable, Hashable {
  public enum Button: Sendable, Hashable { case left, middle, right, wheelUp, wheelDown, none }
  public enum Kind: Sendable, Hashable { case press, release, drag }

  public var column: Int
  public var row: Int
  public var button: Button
  public var kind: Kind
  public var shift: Bool

  public init(column: Int, row: Int, button: Button, kind: Kind = .press, shift: Bool = false) {
    self.column = column
    self.row = row
    self.button = button
    self.kind = kind
    self.shift = shift
  }
}
