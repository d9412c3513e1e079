/// Which writer draws the frames, from `OPTISCOPE_WRITER`: our own
/// (`FrameWriter`, the default: unset, empty or `own`) or ncurses's
/// (`ncurses`), kept for comparison.
enum FrameWriterChoice: String, Sendable, CaseIterable {
  case own
  case ncurses

  /// The choice `value` names (nil: the variable is unset); anything else
  /// is `TerminalError.unknownWriter`.
  init(variable value: String?) throws {
    guard let value, !value.isEmpty else {
      self = .own
      return
    }
    guard let choice = FrameWriterChoice(rawValue: value) else { throw TerminalError.unknownWriter(value) }
    self = choice
  }
}
