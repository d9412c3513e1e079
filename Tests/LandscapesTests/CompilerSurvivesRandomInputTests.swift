import OptimizerCore
import PropertyBased
import Testing

@testable import Landscapes

/// Whatever is typed, the compiler returns: either a landscape whose value
/// is exactly what walking the syntax tree gives, or an error whose column
/// and carets lie within the text.
///
/// Each property check draws a seed and derives 100 inputs from it with
/// `SeededGenerator` (generating every character through the property
/// library's generators is what would dominate the run time in a debug
/// build); 1000 checks make 100 000 strings of tokens and 100 000 strings of
/// random bytes. A failure names the offending input.
@Suite struct CompilerSurvivesRandomInputTests {
  /// Valid tokens, near-misses and garbage; glued together without spaces
  /// they also make longer names and numbers (`sinx`, `3.5.5`, `1e-3e`).
  static let vocabulary = [
    "0", "1", "2", "3.5", ".5", "7.", "1e-3", "2E+4", "1e", "1e+", "1e400",
    "x", "y", "pi", "e", "π", "z", "xy",
    "+", "-", "−", "*", "×", "·", "/", "÷", "^", "**",
    "(", ")", "(", ")", ",",
    "sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "sqrt", "abs", "tanh", "floor",
    "min", "max", "pow", "hypot", "sinn",
    " ", "  ", "\t", "\n", "$", "@", ".", "_", "\u{0}", "é", "\u{301}", "👍", "\u{FFFD}", "\r\n",
  ]

  /// Up to 16 tokens of the vocabulary, glued together.
  static func tokenString(using rng: inout SeededGenerator) -> String {
    var source = ""
    for _ in 0..<rng.integer(in: 0...16) { source += vocabulary[rng.integer(below: vocabulary.count)] }
    return source
  }

  /// Up to 24 random bytes, decoded as UTF-8 with invalid sequences replaced.
  static func byteString(using rng: inout SeededGenerator) -> String {
    let bytes = (0..<rng.integer(in: 0...24)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(.timeLimit(.minutes(3)))
  func randomTokenStringsCompileOrFailInPlace() async {
    await propertyCheck(count: 1000, input: Gen<UInt64>.value()) { seed in
      var rng = SeededGenerator(seed: seed)
      let broken = (0..<100).compactMap { _ in Self.contractBreach(Self.tokenString(using: &rng)) }
      #expect(broken.isEmpty, "\(broken)")
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func randomByteStringsCompileOrFailInPlace() async {
    await propertyCheck(count: 1000, input: Gen<UInt64>.value()) { seed in
      var rng = SeededGenerator(seed: seed)
      let broken = (0..<100).compactMap { _ in Self.contractBreach(Self.byteString(using: &rng)) }
      #expect(broken.isEmpty, "\(broken)")
    }
  }

  static let probes: [Vector] = [[0, 0], [1, -2], [-3.5, 4.25], [1e-3, 700]]

  /// What is wrong with the compiler's answer to `source`, or nil when it
  /// keeps its contract. (One `#expect` per batch rather than several per
  /// input keeps the test fast in a debug build.)
  static func contractBreach(_ source: String) -> String? {
    do {
      let landscape = try ExpressionLandscape(source: source)
      let tree = try Parser.parse(source)
      for point in probes {
        let compiled = landscape.value(at: point)
        let walked = treeValue(tree, x: point[0], y: point[1])
        guard compiled == walked || (compiled.isNaN && walked.isNaN) else {
          return "\(source.debugDescription) at \(point): compiled \(compiled), tree \(walked)"
        }
      }
    } catch {
      let count = source.count
      guard (1...count + 1).contains(error.column), error.length >= 1, error.column + error.length <= count + 2
      else { return "\(source.debugDescription): column \(error.column), length \(error.length)" }
      let carets = "\n" + String(repeating: " ", count: error.column - 1) + String(repeating: "^", count: error.length)
      let diagnostic = error.caretDiagnostic
      let line = diagnostic.dropLast(carets.count)
      guard diagnostic.hasSuffix(carets), line.count == count, !line.contains(where: { $0.isNewline }),
        !error.message.contains(where: { $0.isNewline })
      else { return "\(source.debugDescription): \(diagnostic.debugDescription)" }
    }
    return nil
  }

  /// The tree's value by walking it, with the same arithmetic as the
  /// evaluator: the oracle for folding, strength reduction and stack use.
  static func treeValue(_ tree: SyntaxTree, x: Double, y: Double) -> Double {
    switch tree {
    case .number(let value): return value
    case .variable(.x): return x
    case .variable(.y): return y
    case .negate(let operand): return -treeValue(operand, x: x, y: y)
    case .power(let base, let exponent):
      return CompiledExpression.power(treeValue(base, x: x, y: y), treeValue(exponent, x: x, y: y))
    case .chain(let first, let links):
      var value = treeValue(first, x: x, y: y)
      for link in links {
        let operand = treeValue(link.operand, x: x, y: y)
        switch link.op {
        case .add: value += operand
        case .subtract: value -= operand
        case .multiply: value *= operand
        case .divide: value /= operand
        }
      }
      return value
    case .call(let function, let arguments):
      let values = arguments.map { treeValue($0, x: x, y: y) }
      return apply(function, values)
    }
  }

  static func apply(_ function: MathFunction, _ a: [Double]) -> Double {
    switch function {
    case .sin: Double.sin(a[0])
    case .cos: Double.cos(a[0])
    case .tan: Double.tan(a[0])
    case .asin: Double.asin(a[0])
    case .acos: Double.acos(a[0])
    case .atan: Double.atan(a[0])
    case .exp: Double.exp(a[0])
    case .log: Double.log(a[0])
    case .sqrt: a[0].squareRoot()
    case .abs: a[0].magnitude
    case .tanh: Double.tanh(a[0])
    case .floor: a[0].rounded(.down)
    case .min: CompiledExpression.minimum(a[0], a[1])
    case .max: CompiledExpression.maximum(a[0], a[1])
    case .pow: CompiledExpression.power(a[0], a[1])
    case .hypot: Double.hypot(a[0], a[1])
    }
  }
}
