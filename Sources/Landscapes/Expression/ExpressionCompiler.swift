/// Compiles a `SyntaxTree` into a `CompiledExpression` once, so that
/// evaluating it never walks the tree.
///
/// While emitting postfix code it folds every operation whose operands are
/// all constants (`2*pi` becomes one constant), computing the folded value
/// with the evaluator itself so that folding cannot change a result, and
/// turns a power with a constant whole exponent into `square` or
/// `powerInteger`. It never reorders or reassociates: `x*2*3` stays
/// `(x*2)*3`, as floating point requires.
struct ExpressionCompiler {
  private var instructions: [Instruction] = []

  static func compile(_ tree: SyntaxTree) -> CompiledExpression {
    var compiler = ExpressionCompiler()
    compiler.emit(tree)
    return CompiledExpression(instructions: compiler.instructions)
  }

  private mutating func emit(_ tree: SyntaxTree) {
    switch tree {
    case .number(let value):
      append(.constant(value))
    case .variable(.x):
      append(.x)
    case .variable(.y):
      append(.y)
    case .negate(let operand):
      emit(operand)
      append(.negate)
    case .power(let base, let exponent):
      emit(base)
      emit(exponent)
      append(.power)
    case .chain(let first, let links):
      emit(first)
      for link in links {
        emit(link.operand)
        append(Self.instruction(for: link.op))
      }
    case .call(let function, let arguments):
      for argument in arguments { emit(argument) }
      append(Self.instruction(for: function))
    }
  }

  private mutating func append(_ instruction: Instruction) {
    let operands = instruction.operandCount
    if operands > 0, endsWithConstants(operands) {
      let program = Array(instructions.suffix(operands)) + [instruction]
      let folded = CompiledExpression(instructions: program).evaluate(x: .nan, y: .nan)
      instructions.removeLast(operands)
      instructions.append(.constant(folded))
    } else if instruction == .power, let exponent = instructions.last?.constantValue,
      exponent.rounded() == exponent, exponent.magnitude <= 64
    {
      instructions.removeLast()
      instructions.append(exponent == 2 ? .square : .powerInteger(Int(exponent)))
    } else {
      instructions.append(instruction)
    }
  }

  /// Whether the last `count` instructions all push constants, read by
  /// index: a slice of `instructions` held while appending would share its
  /// storage and make the append copy it all, which made compiling
  /// quadratic in the expression's length.
  private func endsWithConstants(_ count: Int) -> Bool {
    guard instructions.count >= count else { return false }
    for i in (instructions.count - count)..<instructions.count where instructions[i].constantValue == nil {
      return false
    }
    return true
  }

  private static func instruction(for op: SyntaxTree.Operator) -> Instruction {
    switch op {
    case .add: .add
    case .subtract: .subtract
    case .multiply: .multiply
    case .divide: .divide
    }
  }

  private static func instruction(for function: MathFunction) -> Instruction {
    switch function {
    case .sin: .sin
    case .cos: .cos
    case .tan: .tan
    case .asin: .asin
    case .acos: .acos
    case .atan: .atan
    case .exp: .exp
    case .log: .log
    case .sqrt: .sqrt
    case .abs: .abs
    case .tanh: .tanh
    case .floor: .floor
    case .min: .minimum
    case .max: .maximum
    case .pow: .power
    case .hypot: .hypot
    }
  }
}
