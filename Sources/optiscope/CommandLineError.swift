import ArgumentParser
import Foundation
import OptimizerCore
import Scenes

/// A failure the user can fix: printed as one line on stderr, with a
/// non-zero exit status.
///
/// Two statuses: a wrong command line (an unknown name, a value out of
/// range, options that do not go together) exits with argument-parser's own
/// status for a failed validation, so that every mistake in what was typed
/// ends alike; a command line that was right but whose work failed (a file
/// that does not read or play, a write that fails) exits 2.
struct CommandLineError: Error {
  var message: String
  var exitCode: Int32

  /// argument-parser's status for a command line that does not validate (EX_USAGE, 64).
  static let usageStatus = ExitCode.validationFailure.rawValue
  /// The status of a command whose work failed.
  static let failureStatus: Int32 = 2

  init(_ message: String, exitCode: Int32 = usageStatus) {
    self.message = message
    self.exitCode = exitCode
  }

  /// The command line was right, but a file or the work failed.
  static func failure(_ message: String) -> CommandLineError { CommandLineError(message, exitCode: failureStatus) }
}

/// Writes `optiscope: error: message` to stderr. Multi-line messages (an
/// expression's caret diagnostic) keep their later lines indented under it.
/// Messages quote what the user gave (a value, a path, a line of a file),
/// so control characters show escaped (`\u{1B}`).
func printError(_ message: String) {
  writeToStandardError("optiscope: error: \(message.escapingControlCharacters(keepingNewlines: true))\n")
}

/// Writes a line to stderr (progress, notes), never to stdout, which holds
/// the results; control characters in `text` show escaped, as in errors.
func printNote(_ text: String, terminator: String = "\n") {
  writeToStandardError(text.escapingControlCharacters(keepingNewlines: true) + terminator)
}

/// Stderr is where failures are told, so a failure to write there has
/// nowhere to be told: it is ignored.
private func writeToStandardError(_ text: String) {
  try? FileOutput.write(text, into: STDERR_FILENO, name: "standard error")
}
