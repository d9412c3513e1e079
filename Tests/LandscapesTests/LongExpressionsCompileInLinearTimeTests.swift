import OptimizerCore
import Testing

@testable import Landscapes

/// A megabyte of expression parses, compiles and evaluates in linear time:
/// compiling once copied the whole program for every instruction appended
/// (1 MB took over 300 s).
@Suite struct LongExpressionsCompileInLinearTimeTests {
  /// The most seconds a megabyte may take here: a debug build took 1.5 s
  /// alone and 6 s beside the rest of the suite and other builds on two
  /// cores; the quadratic compiler took over 300 s.
  static let bound = 20.0

  /// Seconds to run `body`.
  func seconds(_ body: () throws -> Void) rethrows -> Double {
    let elapsed = try ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  @Test func aMegabyteSumCompilesAndEvaluatesQuickly() throws {
    let terms = 500_000
    let source = Array(repeating: "x", count: terms).joined(separator: "+")
    #expect(source.utf8.count >= 999_999)
    var landscape: ExpressionLandscape?
    let compiling = try seconds { landscape = try ExpressionLandscape(source: source) }
    let program = try #require(landscape).program
    #expect(program.instructions.count == 2 * terms - 1)
    #expect(program.stackDepth == 2)
    var value = 0.0
    let evaluating = seconds { for _ in 0..<10 { value = program.evaluate(x: 1, y: 2) } }
    #expect(value == Double(terms))
    #expect(compiling < Self.bound, "compiling took \(compiling) s")
    #expect(evaluating < Self.bound, "ten evaluations took \(evaluating) s")
  }

  @Test func aMegabyteOfTheDeepestNestingTheParserAllowsCompilesQuickly() throws {
    // Parentheses around y, as deep as the parser allows (y itself is one
    // level more; MalformedExpressionsAreRejectedTests refuses one more),
    // summed to a megabyte.
    let levels = Parser.maximumDepth - 1
    let unit = String(repeating: "(", count: levels) + "y" + String(repeating: ")", count: levels)
    let units = 1_000_000 / (unit.count + 1) + 1
    let source = Array(repeating: unit, count: units).joined(separator: "+")
    #expect(source.utf8.count >= 1_000_000)
    var landscape: ExpressionLandscape?
    let compiling = try seconds { landscape = try ExpressionLandscape(source: source) }
    #expect(try #require(landscape).value(at: Vector([0, 1])) == Double(units))
    #expect(compiling < Self.bound, "compiling took \(compiling) s")
  }
}
