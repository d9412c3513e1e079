import OptimizerCore
import Testing

/// Every registered optimizer obeys the laws of `OptimizerLawChecker` on
/// every test landscape.
@Suite struct OptimizerLawTests {
  @Test(arguments: OptimizerRegistry.names, TestLandscape.all)
  func deterministicForASeed(optimizer: String, landscape: TestLandscape) throws {
    try OptimizerLawChecker(name: optimizer).checkDeterminism(on: landscape)
  }

  @Test(arguments: OptimizerRegistry.names, TestLandscape.all)
  func staysFiniteAndOnTheDomain(optimizer: String, landscape: TestLandscape) throws {
    try OptimizerLawChecker(name: optimizer).checkFinite(on: landscape)
  }

  @Test(arguments: OptimizerRegistry.names, [TestLandscape.sphere, .mixed])
  func hyperparameterChangeKeepsState(optimizer: String, landscape: TestLandscape) throws {
    try OptimizerLawChecker(name: optimizer).checkHyperparameterChangeKeepsState(on: landscape)
  }

  @Test(arguments: OptimizerRegistry.names, [TestLandscape.sphere, .shiftedSphere])
  func adoptsParticles(optimizer: String, landscape: TestLandscape) throws {
    try OptimizerLawChecker(name: optimizer).checkAdoption(on: landscape)
  }

  /// The steps each optimizer gets on the 2-D sphere from (3, −4), where
  /// f = 25, and the loss it must get below. An optimizer not listed gets
  /// `defaultBudget`.
  static let sphereBudgets: [String: (steps: Int, threshold: Double)] = [
    // GD's η = 1e-3 shrinks f by (1 − 2η)² per step: 25·0.996³⁰⁰⁰ ≈ 1.5e-4.
    "descent": (3000, 1e-3),
    "gd": (3000, 1e-3),
    "adam": (300, 1e-8),
    "randomgrad": (300, 1e-3),
    "spsa": (150, 1e-12),
    "simulated-annealing": (2000, 1e-2),
    "random-search": (2000, 5e-2),
    "pso": (150, 1e-10),
    // One step is a generation: 20 evaluations for the ES, λ = 6 for the
    // others in 2-D; Nelder–Mead spends 1 to n + 2 per iteration.
    "evolution-strategy": (150, 1e-10),
    "cma-es": (100, 1e-10),
    "xnes": (150, 1e-10),
    "snes": (150, 1e-10),
    "nelder-mead": (100, 1e-10),
  ]
  static let defaultBudget = (steps: 3000, threshold: 1e-2)

  @Test(arguments: OptimizerRegistry.names)
  func reachesTheSphereMinimum(optimizer: String) throws {
    let budget = Self.sphereBudgets[optimizer] ?? Self.defaultBudget
    try OptimizerLawChecker(name: optimizer).checkReachesMinimum(
      of: .sphere, within: budget.steps, below: budget.threshold)
  }
}
