/// An iterative minimiser that the engine steps and the screen draws.
///
/// Optimizers are `Sendable` value types: a copy is a snapshot, which is how
/// step-back restores a state and how `bench` runs them on every core.
/// Hyperparameters are read from `hyperparameters` at the top of each step,
/// so changing one mid-run keeps all other state.
public protocol Optimizer: Sendable {
  /// Which registry entry (and, for descent, which parts) built this one.
  var kind: OptimizerKind { get }

  /// The live-editable settings. Values are validated on `set`, so the
  /// optimizer trusts them.
  var hyperparameters: Hyperparameters { get set }

  /// One iteration. Every evaluation of f goes through `f`; all randomness
  /// comes from `rng`.
  mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator)

  /// The points the optimizer moves (one for single-point methods).
  var particles: [Particle] { get }

  /// The best point this optimizer knows of.
  var best: Point? { get }

  /// Readouts, overlays and internal vectors, for the screen.
  func inspect() -> Inspection

  /// The next iteration taken apart, stage by stage: the step run on
  /// copies of this optimizer, `f` and `rng` (which the caller has begun
  /// the step on), recording what each stage computed, so the run itself
  /// never changes and nothing is paid until the stages are asked for.
  /// `particle` picks the population member to follow. Empty for an
  /// optimizer that does not take its steps apart.
  func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage]

  /// Why the optimizer can take no more steps (its external process broke
  /// the protocol or exited), with the process's last words; nil while it runs.
  var failure: String? { get }

  /// A line about the last step for the status line (an external process
  /// that answered differently from its recording); nil for none.
  var notice: String? { get }

  /// The optimizer leaves the session (its run removed, or it is swapped
  /// away): it ends what it holds outside the program, such as a process.
  /// `restarting` says that its run starts again at once with the same
  /// recipe (a reset, a new start), so that a process may be asked to start
  /// over rather than be ended.
  func retire(restarting: Bool)
}

extension Optimizer {
  public var best: Point? { particles.bestKnown }
  public func inspect() -> Inspection { Inspection() }
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] { [] }
  public var failure: String? { nil }
  public var notice: String? { nil }
  public func retire(restarting: Bool) {}

  /// The recipe that rebuilds this optimizer with its current settings.
  public var configuration: OptimizerConfiguration {
    OptimizerConfiguration(kind: kind, settings: hyperparameters.changed.map { ($0.name, $0.value) })
  }
}

/// What an optimizer is built in: the domain and the budget it will get.
public struct StepContext: Sendable, Hashable {
  public var domain: Domain
  /// The evaluation budget, when one is known (SPSA's gain schedule uses it).
  public var evaluationBudget: Int?

  public init(domain: Domain, evaluationBudget: Int? = nil) {
    self.domain = domain
    self.evaluationBudget = evaluationBudget
  }

  public var dimension: Int { domain.dimension }
  /// w, the domain's smallest side.
  public var width: Double { domain.width }
}

/// An optimizer type that describes itself and can be built from particles:
/// what the registry needs to list and construct it.
public protocol DescribedOptimizer: Optimizer {
  static var descriptor: OptimizerDescriptor { get }

  /// A fresh optimizer that starts from `particles` (adopting their positions,
  /// and their losses where known) with its own state new.
  init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator)
}

extension DescribedOptimizer {
  public var kind: OptimizerKind { OptimizerKind(name: Self.descriptor.name) }
}

/// The optimizer families (descent from parts, random walks, annealing,
/// search, swarms, evolution, classic baselines), for listing and for the
/// picker.
public enum OptimizerFamily: String, Sendable, Hashable, CaseIterable {
  case descent, randomWalk = "random-walk", annealing, search, swarm, evolution, classic
}

/// A registry entry's public face: name, family, summary and parameters.
public struct OptimizerDescriptor: Sendable, Hashable {
  public var name: String
  public var family: OptimizerFamily
  public var summary: String
  public var specs: [HyperparameterSpec]
  /// True for methods that keep an n×n matrix (a covariance, a simplex of
  /// n + 1 points): memory grows with n², so they take at most
  /// `Limits.squareMatrixDimension` axes.
  public var keepsSquareMatrix: Bool

  public init(
    name: String, family: OptimizerFamily, keepsSquareMatrix: Bool = false, summary: String,
    specs: [HyperparameterSpec]
  ) {
    self.name = name
    self.family = family
    self.summary = summary
    self.specs = specs
    self.keepsSquareMatrix = keepsSquareMatrix
  }

  /// The most axes this method takes.
  public var maximumDimension: Int { keepsSquareMatrix ? Limits.squareMatrixDimension : Limits.dimension }
}
