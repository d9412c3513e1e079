import OptimizerCore

/// A landscape typed in by the user: a function of x and y such as
/// `(1-x)^2 + 100*(y-x^2)^2`.
///
/// The text is parsed and compiled once; each evaluation runs a flat
/// program (see `CompiledExpression`), so a typed-in Rosenbrock costs tens
/// of nanoseconds. Syntax: numbers (`3`, `2.5`, `.5`, `1e-3`), `x`, `y`,
/// `pi`, `e`, `+ - * / ^` (also `**`, `−`, `×`), parentheses, and the
/// functions sin cos tan asin acos atan exp log sqrt abs tanh floor (one
/// argument) and min max pow hypot (two). `^` binds tighter than unary minus
/// and groups to the right: `-x^2` = −(x²), `2^3^2` = 512. There is no known
/// minimum, and the gradient is taken by central differences.
public struct ExpressionLandscape: Landscape {
  /// The expression exactly as typed.
  public let name: String
  public let domain: Domain
  let program: CompiledExpression

  /// The landscape of `source` on `domain` (2-D; [-5, 5]² by default), or
  /// the first error in `source`, with its column.
  public init(source: String, domain: Domain = .cube(-5, 5, dimension: 2)) throws(ExpressionError) {
    precondition(domain.dimension == 2, "an expression in x and y needs a 2-D domain")
    program = ExpressionCompiler.compile(try Parser.parse(source))
    name = source
    self.domain = domain
  }

  /// The expression on one line, runs of whitespace collapsed to one space.
  public var formula: String { name.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
  /// "f(x, y) = " and the formula.
  public var title: String { "f(x, y) = " + formula }
  public var knownMinimum: KnownMinimum? { nil }
  public var dimension: Int { 2 }

  public func value(at point: Vector) -> Double {
    program.evaluate(x: point.components[0], y: point.components[1])
  }
}
