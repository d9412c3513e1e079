/// The parsed form of an expression in x and y.
///
/// Runs of operators of one precedence level (`a + b - c`, `a * b / c`) are
/// kept as one flat `chain` evaluated left to right, so that a long sum does
/// not make a deep tree: the tree is only as deep as the parentheses,
/// powers, signs and calls nest, which the parser bounds.
indirect enum SyntaxTree: Sendable {
  /// A literal, or the constant `pi` or `e`.
  case number(Double)
  case variable(Variable)
  /// −operand.
  case negate(SyntaxTree)
  /// base ^ exponent.
  case power(SyntaxTree, SyntaxTree)
  /// first op₁ operand₁ op₂ operand₂ …, left to right.
  case chain(SyntaxTree, [Link])
  /// A function applied to as many arguments as its arity.
  case call(MathFunction, [SyntaxTree])

  enum Variable: String, Sendable, CaseIterable {
    case x, y
  }

  /// A binary operator of a chain.
  enum Operator: Sendable {
    case add, subtract, multiply, divide
  }

  /// One step of a chain: the operator and its right-hand operand.
  struct Link: Sendable {
    var op: Operator
    var operand: SyntaxTree
  }
}
