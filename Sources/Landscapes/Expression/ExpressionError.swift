import OptimizerCore

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
  /// Every character takes exactly one cell, so that the carets line up in
  /// any monospaced terminal: whitespace and ASCII control characters (tabs,
  /// line breaks, NUL) show as a space, and characters other than printable
  /// ASCII and the accepted symbols π − × · ÷ (which might be wide, combine
  /// with a neighbour, or not print at all) show as '?'. A long expression
  /// shows a window around the token (`QuotedLine`).
  public var caretDiagnostic: String {
    let quoted = QuotedLine(String(source.map { $0.singleCellRendering }), column: column, tokenWidth: length)
    return quoted.text + "\n" + quoted.caretLine
  }
}

extension Character {
  /// This character as one cell of a one-line rendering.
  var singleCellRendering: Character {
    if let ascii = asciiValue { return (0x21...0x7E).contains(ascii) ? self : " " }
    if isWhitespace { return " " }
    return Lexer.symbols[self] != nil ? self : "?"
  }

  /// Categories of characters that do not print as themselves on a line.
  private static let invisibleCategories: Set<Unicode.GeneralCategory> = [
    .control, .format, .nonspacingMark, .spacingMark, .enclosingMark, .surrogate, .privateUse, .unassigned,
    .lineSeparator, .paragraphSeparator,
  ]

  /// The character quoted for a message, such as 'é' or '$'; characters
  /// that would not print as themselves on one line (controls, combining
  /// marks, invisible formatting, multi-scalar clusters) are named by their
  /// code points instead: U+0007, U+0065 U+0301.
  var displayed: String {
    let scalars = unicodeScalars
    if scalars.count == 1, !isWhitespace,
      !Self.invisibleCategories.contains(scalars.first!.properties.generalCategory)
    {
      return "'\(self)'"
    }
    return scalars.map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }.joined(separator: " ")
  }
}
