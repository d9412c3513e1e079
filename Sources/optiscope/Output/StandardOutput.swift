import ArgumentParser
import Foundation
import OptimizerCore
import Scenes

/// Standard output, which holds every command's results. Every write is
/// checked, unbuffered (so a failure is seen where it happens, not at
/// exit): one that fails ends the command with `optiscope: error: writing
/// standard output: REASON` (the system's words, "No space left on
/// device") and status 2. A reader that went away (`optiscope run … |
/// head -1`) ends it at once and quietly with status 141, 128 + SIGPIPE:
/// what the kernel's SIGPIPE does to it when that signal has its default
/// action, and what it does itself when the signal is ignored.
enum StandardOutput {
  /// The status after a closed pipe, as a shell reports a SIGPIPE death.
  static let closedPipeStatus: Int32 = 128 + SIGPIPE

  /// Writes `text` and `terminator`, with control characters other than
  /// line breaks shown escaped (`\u{1B}`): tables, reports and CSV, which
  /// quote titles, names and paths from files and the command line.
  static func write(_ text: String, terminator: String = "\n") throws {
    try writeVerbatim(text.escapingControlCharacters(keepingNewlines: true) + terminator)
  }

  /// Writes `text` as it is: output whose escape sequences are the point
  /// (`render --format ansi`, asciicast) or whose format escapes them
  /// itself (JSON, SVG, a scene's YAML).
  static func writeVerbatim(_ text: String) throws {
    do { try FileOutput.write(text, into: STDOUT_FILENO, name: "standard output") } catch {
      throw failure(code: error.code, reason: error.reason)
    }
  }

  /// Flushes what C's stdio may still hold for stdout (argument-parser
  /// prints through it), checking that it was written.
  static func flush() throws {
    guard fflush(nil) == 0 else { throw failure(code: errno, reason: String(cString: strerror(errno))) }
  }

  private static func failure(code: Int32?, reason: String) -> any Error {
    code == EPIPE ? ExitCode(closedPipeStatus) : CommandLineError.failure("writing standard output: \(reason)")
  }
}
