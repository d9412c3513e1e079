import OptimizerCore

/// Turns tokens into a `SyntaxTree` by recursive descent.
///
/// Grammar, loosest binding first:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | power
///     power      := primary ("^" unary)?
///     primary    := number | name | name "(" arguments ")" | "(" expression ")"
///     arguments  := expression ("," expression)*
///
/// So `^` binds tighter than unary minus and is right-associative:
/// `-x^2` = −(x²), `2^3^2` = 2⁹, and `2^-1` = ½. Names are the variables
/// `x` and `y`, the constants `pi` and `e`, and the `MathFunction`s. Nesting
/// deeper than `maximumDepth` is refused with an error rather than risking
/// the stack.
struct Parser {
  /// How deeply parentheses, signs, powers and calls may nest.
  static let maximumDepth = 200

  private static let expectedOperand = "expected a number, x, y, a function or '('"
  private static let constants: [String: Double] = ["pi": .pi, "e": 2.718281828459045]

  private let source: String
  private let tokens: [Token]
  private var position = 0
  private var depth = 0

  private init(source: String, tokens: [Token]) {
    self.source = source
    self.tokens = tokens
  }

  /// The tree of `source`, or the first error in it.
  static func parse(_ source: String) throws(ExpressionError) -> SyntaxTree {
    var parser = Parser(source: source, tokens: try Lexer.tokens(of: source))
    guard parser.current.kind != .end else {
      throw ExpressionError(
        "empty expression", hint: "type a function of x and y, such as x^2 + y^2", column: 1, source: source)
    }
    let tree = try parser.expression()
    guard parser.current.kind == .end else { throw parser.unexpectedAfterOperand(expecting: "an operator") }
    return tree
  }

  /// The token at hand; the last token is `.end`, which is never consumed.
  private var current: Token { tokens[position] }

  private mutating func expression() throws(ExpressionError) -> SyntaxTree {
    let first = try term()
    var links: [SyntaxTree.Link] = []
    while true {
      let op: SyntaxTree.Operator
      switch current.kind {
      case .plus: op = .add
      case .minus: op = .subtract
      default: return links.isEmpty ? first : .chain(first, links)
      }
      position += 1
      links.append(SyntaxTree.Link(op: op, operand: try term()))
    }
  }

  private mutating func term() throws(ExpressionError) -> SyntaxTree {
    let first = try unary()
    var links: [SyntaxTree.Link] = []
    while true {
      let op: SyntaxTree.Operator
      switch current.kind {
      case .star: op = .multiply
      case .slash: op = .divide
      default: return links.isEmpty ? first : .chain(first, links)
      }
      position += 1
      links.append(SyntaxTree.Link(op: op, operand: try unary()))
    }
  }

  /// Every path that nests (parentheses, arguments, signs, exponents) passes
  /// through here, so this is where the depth is counted.
  private mutating func unary() throws(ExpressionError) -> SyntaxTree {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw ExpressionError(
        "expression nests deeper than \(Self.maximumDepth) levels",
        column: current.column, length: current.length, source: source)
    }
    switch current.kind {
    case .minus:
      position += 1
      return .negate(try unary())
    case .plus:
      position += 1
      return try unary()
    default:
      let base = try primary()
      guard current.kind == .caret else { return base }
      position += 1
      return .power(base, try unary())
    }
  }

  private mutating func primary() throws(ExpressionError) -> SyntaxTree {
    let token = current
    switch token.kind {
    case .number(let value):
      position += 1
      return .number(value)
    case .leftParenthesis:
      position += 1
      let inner = try expression()
      try close(openedBy: token, expecting: "an operator or ')'")
      return inner
    case .identifier(let name):
      position += 1
      if current.kind == .leftParenthesis { return try call(name, at: token) }
      if let variable = SyntaxTree.Variable(rawValue: name) { return .variable(variable) }
      if let constant = Self.constants[name] { return .number(constant) }
      if MathFunction(rawValue: name) != nil {
        throw ExpressionError(
          "function '\(name)' without arguments", hint: "call it as \(name)(…)",
          column: token.column, length: token.length, source: source)
      }
      let names =
        SyntaxTree.Variable.allCases.map(\.rawValue) + Self.constants.keys.sorted()
        + MathFunction.allCases.map(\.rawValue)
      throw ExpressionError(
        "unknown name '\(name)'", hint: nearestName(to: name, in: names).map { "did you mean '\($0)'?" },
        column: token.column, length: token.length, source: source)
    default:
      throw ExpressionError(
        "unexpected \(token.quoted)", hint: Self.expectedOperand,
        column: token.column, length: token.length, source: source)
    }
  }

  /// A call of `name`, whose token is `nameToken`; the current token is its
  /// opening parenthesis.
  private mutating func call(_ name: String, at nameToken: Token) throws(ExpressionError) -> SyntaxTree {
    guard let function = MathFunction(rawValue: name) else {
      let isValue = SyntaxTree.Variable(rawValue: name) != nil || Self.constants[name] != nil
      throw ExpressionError(
        isValue ? "'\(name)' is not a function" : "unknown function '\(name)'",
        hint: isValue
          ? "write \(name)*(…) to multiply"
          : nearestName(to: name, in: MathFunction.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" },
        column: nameToken.column, length: nameToken.length, source: source)
    }
    let opening = current
    position += 1
    var arguments: [SyntaxTree] = []
    if current.kind != .rightParenthesis {
      arguments.append(try expression())
      while current.kind == .comma {
        position += 1
        arguments.append(try expression())
      }
    }
    let closing = current
    try close(openedBy: opening, expecting: "an operator, ',' or ')'")
    guard arguments.count == function.arity else {
      throw ExpressionError(
        "wrong number of arguments to '\(name)'",
        hint: "it takes \(function.arity), not \(arguments.count)",
        column: nameToken.column, length: closing.column + 1 - nameToken.column, source: source)
    }
    return .call(function, arguments)
  }

  /// Consumes the `)` that closes `opening`, or explains why it is missing.
  private mutating func close(openedBy opening: Token, expecting: String) throws(ExpressionError) {
    switch current.kind {
    case .rightParenthesis:
      position += 1
    case .end:
      throw ExpressionError(
        "unclosed '('", hint: "add ')' to close it", column: opening.column, source: source)
    default:
      throw unexpectedAfterOperand(expecting: expecting)
    }
  }

  /// The error for a token that follows a complete operand but cannot
  /// continue the expression: a stray ')', or a value where an operator
  /// should be (the grammar has no implicit multiplication).
  private func unexpectedAfterOperand(expecting: String) -> ExpressionError {
    let token = current
    let hint: String
    switch token.kind {
    case .rightParenthesis:
      return ExpressionError("unmatched ')'", column: token.column, source: source)
    case .comma:
      hint = "expected \(expecting)"
    default:
      hint = "expected \(expecting); write '*' to multiply"
    }
    return ExpressionError(
      "unexpected \(token.quoted)", hint: hint, column: token.column, length: token.length, source: source)
  }
}
