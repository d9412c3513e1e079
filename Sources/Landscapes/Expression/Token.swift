/// One lexical unit of an expression, with where it stands in the source.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    /// A literal such as `3`, `2.5`, `.5`, `1e-3`.
    case number(Double)
    /// A name: a variable, a constant or a function.
    case identifier(String)
    /// `+`
    case plus
    /// `-` or `−`
    case minus
    /// `*`, `×` or `·`
    case star
    /// `/` or `÷`
    case slash
    /// `^` or `**`
    case caret
    case leftParenthesis
    case rightParenthesis
    case comma
    /// One past the last character.
    case end
  }

  var kind: Kind
  /// The text as typed (empty for `end`).
  var text: String
  /// 1-based column of the first character.
  var column: Int
  /// Length in characters (1 for `end`, so that a caret shows).
  var length: Int

  /// How an error message quotes this token: 'sin', '*', or "end of input".
  var quoted: String {
    kind == .end ? "end of input" : "'\(text)'"
  }
}
