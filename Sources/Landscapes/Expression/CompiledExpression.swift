import RealModule

/// An expression in x and y compiled to a flat postfix program, evaluated on
/// a fixed-size stack: no parsing, no allocation and no recursion per call.
struct CompiledExpression: Sendable {
  let instructions: [Instruction]
  /// The most values the program ever holds on its stack.
  let stackDepth: Int

  /// A program that leaves exactly one value on the stack.
  init(instructions: [Instruction]) {
    var depth = 0
    var deepest = 0
    for instruction in instructions {
      precondition(depth >= instruction.operandCount, "instruction \(instruction) lacks operands")
      depth += 1 - instruction.operandCount
      deepest = Swift.max(deepest, depth)
    }
    precondition(depth == 1, "a program must leave one value, not \(depth)")
    self.instructions = instructions
    stackDepth = deepest
  }

  /// The expression's value at (x, y).
  func evaluate(x: Double, y: Double) -> Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: stackDepth) { stack in
      var top = -1
      for instruction in instructions {
        switch instruction {
        case .constant(let value):
          top += 1
          stack[top] = value
        case .x:
          top += 1
          stack[top] = x
        case .y:
          top += 1
          stack[top] = y
        case .add:
          top -= 1
          stack[top] += stack[top + 1]
        case .subtract:
          top -= 1
          stack[top] -= stack[top + 1]
        case .multiply:
          top -= 1
          stack[top] *= stack[top + 1]
        case .divide:
          top -= 1
          stack[top] /= stack[top + 1]
        case .power:
          top -= 1
          stack[top] = Self.power(stack[top], stack[top + 1])
        case .minimum:
          top -= 1
          stack[top] = Self.minimum(stack[top], stack[top + 1])
        case .maximum:
          top -= 1
          stack[top] = Self.maximum(stack[top], stack[top + 1])
        case .hypot:
          top -= 1
          stack[top] = Double.hypot(stack[top], stack[top + 1])
        case .negate: stack[top] = -stack[top]
        case .square: stack[top] *= stack[top]
        case .powerInteger(let n): stack[top] = Self.integerPower(stack[top], n)
        case .sin: stack[top] = Double.sin(stack[top])
        case .cos: stack[top] = Double.cos(stack[top])
        case .tan: stack[top] = Double.tan(stack[top])
        case .asin: stack[top] = Double.asin(stack[top])
        case .acos: stack[top] = Double.acos(stack[top])
        case .atan: stack[top] = Double.atan(stack[top])
        case .exp: stack[top] = Double.exp(stack[top])
        case .log: stack[top] = Double.log(stack[top])
        case .sqrt: stack[top] = stack[top].squareRoot()
        case .abs: stack[top] = stack[top].magnitude
        case .tanh: stack[top] = Double.tanh(stack[top])
        case .floor: stack[top] = stack[top].rounded(.down)
        }
      }
      return stack[0]
    }
  }

  /// aᵇ as users expect it: for a whole b the signed power (so (−2)³ = −8),
  /// by repeated squaring when |b| ≤ 64 (the same as `square` and
  /// `powerInteger`); otherwise the real power, NaN for a negative base.
  /// Whole exponents beyond 2⁵³ are even, so their power is that of |a|.
  static func power(_ base: Double, _ exponent: Double) -> Double {
    guard exponent.rounded() == exponent, exponent.isFinite else { return Double.pow(base, exponent) }
    if exponent.magnitude <= 64 { return integerPower(base, Int(exponent)) }
    guard exponent.magnitude < 0x1p53 else { return Double.pow(base.magnitude, exponent) }
    return Double.pow(base, Int(exponent))
  }

  /// aⁿ by binary exponentiation: a² = a·a and a³ = a·a² exactly as
  /// written by hand, 1/a⁻ⁿ for negative n.
  static func integerPower(_ base: Double, _ n: Int) -> Double {
    var result = 1.0
    var factor = base
    var remaining = n.magnitude
    while remaining > 0 {
      if remaining & 1 == 1 { result *= factor }
      remaining >>= 1
      if remaining > 0 { factor *= factor }
    }
    return n < 0 ? 1 / result : result
  }

  /// The smaller of a and b, or NaN when either is NaN (the standard
  /// library's `min` would pick whichever argument order favours).
  static func minimum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
  }

  /// The larger of a and b, or NaN when either is NaN.
  static func maximum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
  }
}
