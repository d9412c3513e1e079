import CNcurses
import Visualizer

/// Names what ncurses read: characters, special keys and mouse reports
/// become the `InputEvent`s the program handles.
///
/// It remembers which mouse button is down, because a motion report does
/// not say which button drags.
struct InputDecoder {
  /// Key codes ncurses assigns at run time from terminfo's extended names
  /// (shift-↑ "kUP", shift-↓ "kDN").
  var extendedKeys: [Int32: Key]
  private var heldButton: MouseEvent.Button? = nil

  init(extendedKeys: [Int32: Key] = [:]) {
    self.extendedKeys = extendedKeys
  }

  /// The event for one input, or nil for input that means nothing here.
  mutating func decode(_ input: RawInput) -> InputEvent? {
    switch input {
    case .character(let code): return Self.key(forCharacter: code).map(InputEvent.key)
    case .key(let code): return key(forCode: code).map(InputEvent.key)
    case .mouse(let column, let row, let state): return mouse(column: column, row: row, state: state).map(InputEvent.mouse)
    case .resize(let width, let height): return .resize(width: width, height: height)
    }
  }

  /// A character from wget_wch: control characters name their keys.
  static func key(forCharacter code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
    case 0..<32: return nil
    default: return Unicode.Scalar(code).map { .character(Character($0)) }
    }
  }

  /// A key code from wget_wch (KEY_CODE_YES).
  func key(forCode code: Int32) -> Key? {
    if let key = extendedKeys[code] { return key }
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_SR: return .shiftUp
    case KEY_SF: return .shiftDown
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  /// A mouse report: buttons 1–3 press and release, 4 and 5 are the wheel
  /// (a press only), and motion with a button held is a drag.
  mutating func mouse(column: Int, row: Int, state: UInt) -> MouseEvent? {
    let shift = state & UInt(optiscope_button_shift()) != 0
    func event(_ button: MouseEvent.Button, _ kind: MouseEvent.Kind) -> MouseEvent {
      MouseEvent(column: column, row: row, button: button, kind: kind, shift: shift)
    }
    let buttons: [(Int32, MouseEvent.Button)] = [(1, .left), (2, .middle), (3, .right), (4, .wheelUp), (5, .wheelDown)]
    for (number, button) in buttons {
      if state & UInt(optiscope_button_pressed(number)) != 0 {
        if number <= 3 { heldButton = button }
        return event(button, .press)
      }
      if state & UInt(optiscope_button_released(number)) != 0 {
        if number <= 3 { heldButton = nil }
        return number <= 3 ? event(button, .release) : nil
      }
    }
    if state & UInt(optiscope_report_mouse_position()) != 0, let heldButton {
      return event(heldButton, .drag)
    }
    return nil
  }
}
