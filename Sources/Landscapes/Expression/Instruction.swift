/// One step of a compiled expression: a postfix program run on a stack of
/// Doubles, each instruction popping its operands and pushing one result.
enum Instruction: Sendable, Equatable {
  /// Pushes the value.
  case constant(Double)
  /// Push the point's coordinates.
  case x, y
  /// a b → a ∘ b.
  case add, subtract, multiply, divide, power, minimum, maximum, hypot
  /// a → −a.
  case negate
  /// a → a·a: `^2` with a constant exponent.
  case square
  /// a → aⁿ for a constant whole exponent n other than 2, |n| ≤ 64.
  case powerInteger(Int)
  /// a → f(a).
  case sin, cos, tan, asin, acos, atan, exp, log, sqrt, abs, tanh, floor

  /// How many values the instruction pops (it always pushes one).
  var operandCount: Int {
    switch self {
    case .constant, .x, .y: 0
    case .add, .subtract, .multiply, .divide, .power, .minimum, .maximum, .hypot: 2
    default: 1
    }
  }

  /// The constant pushed, if this instruction pushes one.
  var constantValue: Double? {
    if case .constant(let value) = self { return value }
    return nil
  }
}
