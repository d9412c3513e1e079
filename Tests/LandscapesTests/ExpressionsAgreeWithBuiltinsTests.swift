import Landscapes
import OptimizerCore
import Testing

@Suite struct ExpressionsAgreeWithBuiltinsTests {
  struct Formula: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var testDescription: String { name }
  }

  /// Each built-in typed in as a user would, from its textbook formula
  /// (Wikipedia's "Test functions for optimization"; Surjanovic and
  /// Bingham's Virtual Library of Simulation Experiments, SFU).
  static let formulas: [Formula] = [
    Formula(name: "sphere", source: "x^2 + y^2"),
    Formula(name: "rosenbrock", source: "(1 - x)^2 + 100*(y - x^2)^2"),
    Formula(name: "rastrigin", source: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"),
    Formula(
      name: "ackley",
      source: "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20"),
    Formula(name: "himmelblau", source: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
    Formula(name: "beale", source: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"),
    Formula(name: "booth", source: "(x + 2*y - 7)^2 + (2*x + y - 5)^2"),
    Formula(
      name: "goldstein-price",
      source: """
        (1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2)) \
        * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))
        """),
    Formula(name: "styblinski-tang", source: "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y) / 2"),
    Formula(
      name: "eggholder", source: "-(y + 47)*sin(sqrt(abs(x/2 + y + 47))) - x*sin(sqrt(abs(x - (y + 47))))"),
    Formula(
      name: "levi13", source: "sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)"),
    Formula(name: "three-hump-camel", source: "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2"),
    Formula(name: "matyas", source: "0.26*(x^2 + y^2) - 0.48*x*y"),
    Formula(name: "easom", source: "-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))"),
    Formula(name: "six-hump-camel", source: "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"),
    Formula(name: "griewank", source: "1 + (x^2 + y^2)/4000 - cos(x)*cos(y/sqrt(2))"),
    Formula(name: "schwefel", source: "418.9829*2 - x*sin(sqrt(abs(x))) - y*sin(sqrt(abs(y)))"),
    Formula(name: "bukin6", source: "100*sqrt(abs(y - 0.01*x^2)) + 0.01*abs(x + 10)"),
    Formula(
      name: "cross-in-tray",
      source: "-0.0001*(abs(sin(x)*sin(y)*exp(abs(100 - sqrt(x^2 + y^2)/pi))) + 1)^0.1"),
    Formula(name: "holder-table", source: "-abs(sin(x)*cos(y)*exp(abs(1 - sqrt(x^2 + y^2)/pi)))"),
    Formula(name: "mccormick", source: "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1"),
    Formula(name: "schaffer2", source: "0.5 + (sin(x^2 - y^2)^2 - 0.5)/(1 + 0.001*(x^2 + y^2))^2"),
  ]

  @Test func everyBuiltinHasAFormula() {
    #expect(Self.formulas.map(\.name) == LandscapeCatalog.names)
  }

  /// 1000 seeded points of the built-in's domain: the typed-in formula gives
  /// the same value to 10⁻¹² (relative, absolute below 1).
  @Test(arguments: formulas)
  func typedFormulaMatchesBuiltin(_ formula: Formula) throws {
    let builtin = try LandscapeCatalog.make(formula.name)
    let typed = try ExpressionLandscape(source: formula.source, domain: builtin.domain)
    var rng = SeededGenerator(seed: 7, stream: 1)
    for _ in 0..<1000 {
      let x = builtin.domain.randomPoint(using: &rng)
      let expected = builtin.value(at: x)
      let actual = typed.value(at: x)
      #expect(isClose(actual, expected, relative: 1e-12), "at \(x): typed \(actual), built-in \(expected)")
    }
  }
}
