/// An optimizer that is an adaptive-order walk (`AdaptiveOrderState`) under
/// one rule for K: `AdaptiveOrderWalk` and `ConvexOrderWalk`.
///
/// The conforming type names its descriptor and its `rule`; adoption, the
/// step, the particle, the best point and the inspection come from here.
protocol AdaptiveOrderOptimizer: DescribedOptimizer {
  /// What an accepted move does to K.
  static var rule: AdaptiveOrderState.Rule { get }

  /// The walk and its order-adapting state.
  var state: AdaptiveOrderState { get set }

  /// An optimizer with `hyperparameters` that continues `state` (the
  /// memberwise initializer).
  init(hyperparameters: Hyperparameters, state: AdaptiveOrderState)
}

extension AdaptiveOrderOptimizer {
  /// A walk of order 1 at the best of `particles`.
  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.init(
      hyperparameters: hyperparameters,
      state: AdaptiveOrderState(adopting: particles, rule: Self.rule, context: context))
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    state.step(hyperparameters, f: &f, rng: &rng)
  }

  /// The next step on copies: the order stack integrated down, the
  /// candidate, the verdict, then the change of K under the walk's rule.
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (state, f, rng)
    var stages: [InspectionStage] = []
    copy.step(hyperparameters, f: &f, rng: &rng) { stages += $0 }
    return stages
  }

  public var particles: [Particle] { [state.walk.particle] }

  public var best: Point? { state.walk.best }

  /// Readouts `order` (a gauge 1…Kmax), `improvement-rate` (or
  /// `top-change`) under the convex rule, `rejections`, `speed`; overlays the arrow stack
  /// d[0], d[1], …, the candidates and the last move.
  public func inspect() -> Inspection { state.inspect(hyperparameters) }
}
