import Glibc

/// Why an interactive session ended; the terminal is restored either way.
public enum SessionEnding: Sendable, Hashable {
  /// The program asked to quit.
  case quit
  /// A signal asked to stop (SIGINT from Ctrl-C, SIGTERM, SIGHUP).
  case signal(Int32)

  /// The process's exit status: 0 for a quit and for Ctrl-C (the user's
  /// way out), 128 + n for the other signals, as shells report them.
  public var exitStatus: Int32 {
    switch self {
    case .quit: return 0
    case .signal(let number): return number == SIGINT ? 0 : 128 + number
    }
  }
}
