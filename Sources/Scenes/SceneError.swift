import OptimizerCore

/// Why a scene could not be read, replayed or saved, and where in its file.
///
/// Printed as compilers print: `FILE:LINE:COLUMN: message`, then the line
/// itself (`QuotedLine`: a long one cut around the token) with a caret
/// under the offending token.
public struct SceneError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// 1-based; nil for errors that belong to no place in the file (an
  /// unreadable file, a replay that diverged).
  public var line: Int?
  public var column: Int?
  /// The text the error is about, for the caret's width.
  public var token: String?
  /// The file's path, once known.
  public var file: String?
  /// The file's line at `line`, shown under the message.
  public var sourceLine: String?

  public init(_ message: String, line: Int? = nil, column: Int? = nil, token: String? = nil) {
    self.message = message
    self.line = line
    self.column = column
    self.token = token
  }

  /// The same error, naming the file and quoting its line.
  public func located(in file: String?, text: String) -> SceneError {
    var copy = self
    copy.file = file
    if let line, line >= 1 {
      var number = 0
      for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
        number += 1
        if number == line {
          copy.sourceLine = String(candidate)
          break
        }
      }
    }
    return copy
  }

  /// `file:line:column: ` or as much of it as is known.
  public var location: String {
    var parts: [String] = []
    if let file { parts.append(file) }
    if let line { parts.append("\(line)") }
    if let column, line != nil { parts.append("\(column)") }
    return parts.isEmpty ? "" : parts.joined(separator: ":") + ": "
  }

  public var description: String {
    var text = (location + message).escapingControlCharacters(keepingNewlines: true)
    if let sourceLine, let column, column >= 1 {
      // Control characters show escaped (a tab as `\u{9}`) before the line
      // is cut to its window, so that the caret goes under the escaped text.
      let before = sourceLine.prefix(column - 1).escapingControlCharacters()
      let after = sourceLine.dropFirst(column - 1).escapingControlCharacters()
      let quoted = QuotedLine(
        before + after, column: before.count + 1, tokenWidth: token?.escapingControlCharacters().count ?? 1)
      text += "\n  \(quoted.text)\n  \(quoted.caretLine)"
    }
    return text
  }
}
