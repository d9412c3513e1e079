/// Splits an expression into tokens, each with its 1-based column.
///
/// Columns count characters (grapheme clusters), as `String.count` does.
/// Numbers are `3`, `2.5`, `.5`, `3.`, `1e-3`, `2E+4`; names are ASCII
/// letters followed by letters, digits or `_`; `π` reads as `pi`. Besides
/// the ASCII operators it accepts `−` for minus, `×` and `·` for times, `÷`
/// for divide, and `**` for `^`. Any other character is an error.
struct Lexer {
  /// The symbols beyond ASCII that expressions accept, as what they mean.
  static let symbols: [Character: Token.Kind] = [
    "−": .minus, "×": .star, "·": .star, "÷": .slash, "π": .identifier("pi"),
  ]

  private let source: String
  /// The source's characters, borrowed for the lexer's lifetime: reading a
  /// buffer costs no reference counting, which in a debug build was most
  /// of the time taken by a long expression.
  private let characters: UnsafeBufferPointer<Character>
  private var index = 0

  private init(_ source: String, characters: UnsafeBufferPointer<Character>) {
    self.source = source
    self.characters = characters
  }

  /// Every token of the source, ending with `.end` at column count + 1.
  static func tokens(of source: String) throws(ExpressionError) -> [Token] {
    let characters = Array(source)
    return try characters.withUnsafeBufferPointer { (buffer) throws(ExpressionError) -> [Token] in
      var lexer = Lexer(source, characters: buffer)
      var tokens: [Token] = []
      while true {
        let token = try lexer.next()
        tokens.append(token)
        if token.kind == .end { return tokens }
      }
    }
  }

  private mutating func next() throws(ExpressionError) -> Token {
    while index < characters.count, characters[index].isSpace { index += 1 }
    guard index < characters.count else {
      return Token(kind: .end, text: "", column: characters.count + 1, length: 1)
    }
    let start = index
    let character = characters[index]
    guard let ascii = character.asciiValue else { return try symbol(character) }
    let kind: Token.Kind
    switch ascii {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try number()
    case UInt8(ascii: ".") where peek(1)?.isASCIIDigit == true:
      return try number()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      while index < characters.count, characters[index].isIdentifierContinuation { index += 1 }
      // A name is ASCII, so its bytes are its characters' (and this is far
      // quicker than building a String from Characters).
      let name = String(unsafeUninitializedCapacity: index - start) { bytes in
        for offset in 0..<(index - start) { bytes[offset] = characters[start + offset].asciiValue! }
        return index - start
      }
      return Token(kind: .identifier(name), text: name, column: start + 1, length: index - start)
    case UInt8(ascii: "*") where peek(1) == "*":
      index += 2
      return Token(kind: .caret, text: "**", column: start + 1, length: 2)
    case UInt8(ascii: "+"): kind = .plus
    case UInt8(ascii: "-"): kind = .minus
    case UInt8(ascii: "*"): kind = .star
    case UInt8(ascii: "/"): kind = .slash
    case UInt8(ascii: "^"): kind = .caret
    case UInt8(ascii: "("): kind = .leftParenthesis
    case UInt8(ascii: ")"): kind = .rightParenthesis
    case UInt8(ascii: ","): kind = .comma
    default: throw strayCharacter(character)
    }
    index += 1
    return Token(kind: kind, text: String(character), column: start + 1, length: 1)
  }

  private mutating func symbol(_ character: Character) throws(ExpressionError) -> Token {
    guard let kind = Self.symbols[character] else { throw strayCharacter(character) }
    index += 1
    return Token(kind: kind, text: String(character), column: index, length: 1)
  }

  private func strayCharacter(_ character: Character) -> ExpressionError {
    ExpressionError("unexpected character \(character.displayed)", column: index + 1, source: source)
  }

  /// digits [. digits] [(e|E) [+|-] digits], or . digits [exponent]. An `e`
  /// that is not followed by an exponent's digits is left for the next
  /// token, except after a sign (`1e-`), which can only be a broken number.
  private mutating func number() throws(ExpressionError) -> Token {
    let start = index
    skipDigits()
    if index < characters.count, characters[index] == "." {
      index += 1
      skipDigits()
    }
    if index < characters.count, characters[index] == "e" || characters[index] == "E" {
      let sign = peek(1) == "+" || peek(1) == "-"
      let firstDigit = peek(sign ? 2 : 1)
      if firstDigit?.isASCIIDigit == true {
        index += sign ? 2 : 1
        skipDigits()
      } else if sign {
        index += 2
        let text = String(characters[start..<index])
        throw ExpressionError(
          "malformed number '\(text)'", hint: "the exponent needs digits, as in 1e-3",
          column: start + 1, length: index - start, source: source)
      }
    }
    let text = String(characters[start..<index])
    guard let value = Double(text) else {
      throw ExpressionError(
        "malformed number '\(text)'", column: start + 1, length: index - start, source: source)
    }
    return Token(kind: .number(value), text: text, column: start + 1, length: index - start)
  }

  private mutating func skipDigits() {
    while index < characters.count, characters[index].isASCIIDigit { index += 1 }
  }

  private func peek(_ offset: Int) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }
}

extension Character {
  /// `isWhitespace`, answered for ASCII without a Unicode property lookup.
  var isSpace: Bool {
    guard let ascii = asciiValue else { return isWhitespace }
    return ascii == 0x20 || (0x09...0x0D).contains(ascii)
  }

  var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }

  var isIdentifierContinuation: Bool {
    guard let ascii = asciiValue else { return false }
    return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
      || ascii == UInt8(ascii: "_")
  }
}
