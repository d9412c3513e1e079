import Foundation

/// A failure the user can fix: printed as one line on stderr, with a
/// non-zero exit status.
struct CommandLineError: Error {
  var message: String
  var exitCode: Int32 = 2

  init(_ message: String, exitCode: Int32 = 2) {
    self.message = message
    self.exitCode = exitCode
  }
}

/// Writes `optiscope: error: message` to stderr. Multi-line messages (an
/// expression's caret diagnostic) keep their later lines indented under it.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("optiscope: error: \(message)\n".utf8))
}

/// Writes a line to stderr (progress, notes), never to stdout, which holds
/// the results.
func printNote(_ text: String, terminator: String = "\n") {
  FileHandle.standardError.write(Data((text + terminator).utf8))
}
