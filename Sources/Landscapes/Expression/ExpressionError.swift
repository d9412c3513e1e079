/// Why a typed-in expression was refused, and where.
///
/// `message` is one line that names the problem and its column, such as
/// "unexpected '*' at column 5; expected a number, x, y, a function or '('".
/// `column` is 1-based and counts characters (grapheme clusters); it always
/// lies in 1...source.count + 1, where count + 1 means "at the end".
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problem, its column, and a hint where one helps.
  public let message: String
  /// Where the offending token starts, 1-based.
  public let column: Int
  /// How many characters the offending token spans (at least 1).
  public let length: Int
  /// The expression as typed.
  public let source: String

  /// An error about `length` characters at `column` of `source`: the message
  /// reads "<problem> at column <column>", then "; <hint>" if there is one.
  init(_ problem: String, hint: String? = nil, column: Int, length: Int = 1, source: String) {
    let count = source.count
    self.column = min(max(column, 1), count + 1)
    self.length = max(1, min(length, count + 2 - self.column))
    self.source = source
    message = "\(problem) at column \(self.column)" + (hint.map { "; \($0)" } ?? "")
  }

  public var description: String { message }

  /// The expression on one line and carets under the offending token on the
  /// next:
  ///
  ///     x + * y
  ///         ^
  ///
  /// Tabs, line breaks and other control characters show as spaces, so the
  /// carets line up with the text in a monospaced font.
  public var caretDiagnostic: String {
    let line = String(source.map { $0.isControlLike ? " " : $0 })
    return line + "\n" + String(repeating: " ", count: column - 1) + String(repeating: "^", count: length)
  }
}

extension Character {
  /// True for characters that would break a one-line rendering: control
  /// characters, line and paragraph separators.
  var isControlLike: Bool {
    unicodeScalars.contains { scalar in
      switch scalar.properties.generalCategory {
      case .control, .lineSeparator, .paragraphSeparator, .format: true
      default: false
      }
    }
  }
}
