/// Why the interactive screen could not start or went on no further.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// stdin or stdout is not a terminal (a pipe, a file, a CI job).
  case notATerminal
  /// ncurses has no terminfo entry for this TERM (nil: TERM is unset).
  case unknownTerminal(String?)
  /// TERM's terminfo entry has no cursor addressing (`cup`), so no screen
  /// can be drawn (TERM=dumb, as editors' shells and CI jobs set it).
  case cannotAddressCursor(String)
  /// A system call the loop depends on failed (what, and errno's text).
  case systemCallFailed(String, String)
  /// OPTISCOPE_WRITER names no frame writer (`FrameWriterChoice`).
  case unknownWriter(String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "the interactive view needs a terminal on stdin and stdout; "
        + "use `optiscope run` for a headless run or `optiscope render` to draw a frame to a file"
    case .unknownTerminal(let name?):
      return "unknown terminal type '\(name)' (TERM=\(name)): no terminfo entry describes it; "
        + "set TERM to one that exists, such as xterm-256color"
    case .cannotAddressCursor(let name):
      return "this terminal (TERM=\(name)) cannot address the cursor, which the interactive view needs; "
        + "set TERM to your terminal's type, such as TERM=xterm-256color, or use the headless commands: "
        + "`optiscope run`, `optiscope render` or `optiscope replay SCENE --headless`"
    case .unknownTerminal(nil):
      return "TERM is not set, so the terminal's capabilities are unknown; set TERM, such as TERM=xterm-256color"
    case .systemCallFailed(let call, let reason):
      return "\(call) failed: \(reason)"
    case .unknownWriter(let value):
      return "OPTISCOPE_WRITER=\(value.debugDescription) names no frame writer: "
        + "use 'own' (the default) or 'ncurses'"
    }
  }
}
