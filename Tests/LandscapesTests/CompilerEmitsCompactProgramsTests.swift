import Testing

@testable import Landscapes

@Suite struct CompilerEmitsCompactProgramsTests {
  func program(_ source: String) throws -> CompiledExpression {
    try ExpressionLandscape(source: source).program
  }

  @Test func constantSubexpressionsFoldToOneConstant() throws {
    #expect(try program("2*pi*x").instructions == [.constant(2 * .pi), .x, .multiply])
    #expect(try program("-(2^2)").instructions == [.constant(-4)])
    #expect(try program("sin(pi/2) + x").instructions == [.constant(1), .x, .add])
    #expect(try program("max(1, 2) * y").instructions == [.constant(2), .y, .multiply])
  }

  @Test func foldingNeverReassociates() throws {
    #expect(try program("x*2*3").instructions == [.x, .constant(2), .multiply, .constant(3), .multiply])
  }

  @Test func foldingKeepsUndefinedValues() throws {
    let folded = try program("pow(-8, 1/3)").instructions
    #expect(folded.count == 1)
    #expect(folded.first?.constantValue?.isNaN == true)
  }

  @Test func wholeConstantExponentsBecomeMultiplications() throws {
    #expect(try program("x^2").instructions == [.x, .square])
    #expect(try program("y^3").instructions == [.y, .powerInteger(3)])
    #expect(try program("x^-1").instructions == [.x, .powerInteger(-1)])
    #expect(try program("x^0.5").instructions == [.x, .constant(0.5), .power])
    #expect(try program("x^100").instructions == [.x, .constant(100), .power])
    #expect(try program("x^y").instructions == [.x, .y, .power])
  }

  @Test func stackDepthIsTheDeepestPointOfTheProgram() throws {
    #expect(try program("x").stackDepth == 1)
    #expect(try program("(1 - x)^2 + 100*(y - x^2)^2").stackDepth == 4)
    #expect(try program("x + x + x + x + x").stackDepth == 2)
  }

  /// On whole exponents the general power, `integerPower` and a plain
  /// product agree (the product to rounding).
  @Test func integerPowerMatchesTheGeneralPowerOnWholeExponents() {
    for base in [-3.5, -1.0, -0.25, 0, 0.5, 2, 7.25] {
      for n in -8...8 {
        let expected = CompiledExpression.power(base, Double(n))
        let actual = CompiledExpression.integerPower(base, n)
        #expect(actual == expected || (actual.isNaN && expected.isNaN))
        let product = repeatElement(base, count: abs(n)).reduce(1, *)
        let plain = n < 0 ? 1 / product : product
        #expect(actual == plain || isClose(actual, plain, relative: 1e-14), "\(base)^\(n)")
      }
    }
  }
}
