import Landscapes
import OptimizerCore
import Testing

@Suite struct ExpressionPrecedenceTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    var expected: Double
    var testDescription: String { source }
    init(_ source: String, _ expected: Double) {
      self.source = source
      self.expected = expected
    }
  }

  /// Values at (x, y) = (3, 4).
  static let cases: [Case] = [
    Case("2^3^2", 512),
    Case("(2^3)^2", 64),
    Case("-2^2", -4),
    Case("(-2)^2", 4),
    Case("-x^2", -9),
    Case("2^-1", 0.5),
    Case("2*-3", -6),
    Case("--2", 2),
    Case("+x", 3),
    Case("1 - 2 - 3", -4),
    Case("8 / 4 / 2", 1),
    Case("2 + 3 * 4", 14),
    Case("(2 + 3) * 4", 20),
    Case("2 * 3 ^ 2", 18),
    Case("-2 * 3 + 1", -5),
    Case("x - -y", 7),
    Case("(-2)^3", -8),
    Case("x**2", 9),
    Case("2 ** 3 ** 2", 512),
    Case("min(x, y)", 3),
    Case("max(x, y)", 4),
    Case("pow(2, 10)", 1024),
    Case("pow(-2, 3)", -8),
    Case("hypot(3, 4)", 5),
    Case("hypot(x, y)", 5),
    Case("sqrt(16)", 4),
    Case("abs(-3)", 3),
    Case("floor(2.7)", 2),
    Case("floor(-2.5)", -3),
    Case("exp(0)", 1),
    Case("log(e)", 1),
    Case("4*atan(1)", .pi),
    Case("2*asin(1)", .pi),
    Case("acos(1)", 0),
    Case("sin(0) + cos(0) + tan(0) + tanh(0)", 1),
    Case("pi", .pi),
    Case("π", .pi),
    Case("e", 2.718281828459045),
    Case(".5 + 3.", 3.5),
    Case("1e-3 * 2E+4", 20),
    Case("2.5e2", 250),
    Case("2 − 1", 1),
    Case("2 × 3 · 4 ÷ 8", 3),
    Case("x*y", 12),
    Case("2^0.5", 2.0.squareRoot()),
    Case("max(x, min(y, 2))", 3),
    Case("sin(x)^2 + cos(x)^2", 1),
    Case("\tx\n+ y ", 7),
  ]

  @Test(arguments: cases)
  func evaluatesWithTheUsualPrecedence(_ testCase: Case) throws {
    let landscape = try ExpressionLandscape(source: testCase.source)
    let value = landscape.value(at: [3, 4])
    #expect(isClose(value, testCase.expected, relative: 1e-15), "\(testCase.source) = \(value)")
  }

  @Test func negativeBaseWithFractionalExponentIsNaN() throws {
    #expect(try ExpressionLandscape(source: "(-8)^(1/3)").value(at: [0, 0]).isNaN)
    #expect(try ExpressionLandscape(source: "x^0.5").value(at: [-1, 0]).isNaN)
  }

  @Test func undefinedValuesAreNaNOrInfinite() throws {
    #expect(try ExpressionLandscape(source: "1/x").value(at: [0, 0]) == .infinity)
    #expect(try ExpressionLandscape(source: "log(x)").value(at: [0, 0]) == -.infinity)
    #expect(try ExpressionLandscape(source: "sqrt(x)").value(at: [-1, 0]).isNaN)
    #expect(try ExpressionLandscape(source: "min(x, 0/0)").value(at: [1, 0]).isNaN)
  }

  @Test func describesItselfByItsSource() throws {
    let landscape = try ExpressionLandscape(source: "x^2 +   y^2")
    #expect(landscape.name == "x^2 +   y^2")
    #expect(landscape.formula == "x^2 + y^2")
    #expect(landscape.title == "f(x, y) = x^2 + y^2")
    #expect(landscape.domain == .cube(-5, 5, dimension: 2))
    #expect(landscape.dimension == 2)
    #expect(landscape.knownMinimum == nil)
    #expect(!landscape.hasAnalyticGradient)
    let gradient = landscape.gradient(at: [1, -2])
    #expect(abs(gradient[0] - 2) < 1e-8 && abs(gradient[1] + 4) < 1e-8)
  }

  @Test func takesACustomDomain() throws {
    let domain = Domain(axes: [Axis(-1, 1, kind: .integer), Axis(0, 10)])
    let landscape = try ExpressionLandscape(source: "x + y", domain: domain)
    #expect(landscape.domain == domain)
    #expect(landscape.value(at: [1, 2]) == 3)
  }
}
