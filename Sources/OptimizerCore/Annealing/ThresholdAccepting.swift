/// Threshold accepting (Dueck and Scheuer 1990): a random step δ = η·ξ to
/// y = x + δ, accepted when f(y) < f(x) + τ, a deterministic rule where
/// annealing draws a probability.
///
/// τ follows simulated annealing's schedule (`CoolingSchedule`):
/// τ = τ₀ · s · αᵏ after k coolings, s the landscape's loss spread measured
/// on a few samples at the first step. τ₀ = 0.1 by default: a threshold of a
/// whole spread accepts nearly every step at first, and on the bench's 14
/// functions τ₀ = 1 succeeded in 13 of 280 runs where 0.1 succeeded in 29. τ cools by α every `coolEvery` steps,
/// and also after `maxBad` steps without a new best point. On integer and
/// boolean axes the step is native (`DiscreteMutation`): whole steps and
/// flips.
///
/// `rho` smooths the direction of the random step δ from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct ThresholdAccepting: DescribedOptimizer, RecordedStep {
  public static let descriptor = OptimizerDescriptor(
    name: "threshold-accepting", family: .annealing,
    summary: "random steps, worse ones accepted while within a threshold τ that cools",
    specs: [
      HyperparameterSpec(
        "step", symbol: "η", default: 5e-2, range: 1e-8...1, scale: .log, unit: .domainWidth,
        help: "standard deviation of the random step"),
      HyperparameterSpec(
        "tau0", symbol: "τ₀", default: 0.1, range: 1e-8...1e8, scale: .log,
        help: "starting threshold, in units of the landscape's typical loss spread"),
    ] + CoolingSchedule.specs + [DirectionSmoothing.spec])

  public var hyperparameters: Hyperparameters
  private var chain: AnnealingChain
  /// The last candidate's f(y) − f(x).
  private var lastDelta = Double.nan
  /// τ after each step, for the panel's curve.
  private var thresholds = DecimatedSeries()

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    chain = AnnealingChain(adopting: particles, context: context)
  }

  /// τ = τ₀ · s · αᵏ, NaN before the first step.
  public var threshold: Double { chain.schedule.level(start: hyperparameters["tau0"]) }

  /// The step, taken apart (`RecordedStep`) as proposal, ΔE, the threshold test, the verdict.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let eta = hyperparameters["step"]
    chain.prepare(&f, rng: &rng)

    let (candidate, loss) = chain.propose(scale: eta, rho: hyperparameters["rho"], &f, rng: &rng)
    let origin = chain.current
    let level = threshold
    let accepted = loss < origin.loss + level
    lastDelta = loss - origin.loss
    let improved = chain.settle(candidate: candidate, loss: loss, accepted: accepted, &f)
    chain.schedule.advance(improved: improved, hyperparameters: hyperparameters)
    thresholds.append(threshold)
    if let record {
      let x = origin.position
      record(
        InspectionStage(
          "proposal", formula: "y = x + δ,  δ ~ η·N(0, I)",
          values: [.vector("x", x), .number("η", eta), .vector("δ", candidate - x), .vector("y", candidate)],
          overlays: [.arrow(from: x, to: candidate, role: .candidate), .marks([candidate], role: .candidate)]))
      record(
        InspectionStage(
          "ΔE", formula: "ΔE = f(y) − f(x)",
          values: [.number("f(x)", origin.loss), .number("f(y)", loss), .number("ΔE", lastDelta)]))
      record(
        InspectionStage(
          "threshold", formula: "accept when f(y) < f(x) + τ", values: [.number("τ", level), .number("f(x) + τ", origin.loss + level)]))
      record(
        InspectionStage(
          accepted ? "accept" : "reject", formula: accepted ? "x′ = y" : "x′ = x (y refused)",
          values: [.fact("verdict", accepted ? "accepted" : "rejected"), .vector("x′", chain.current.position)],
          overlays: [.arrow(from: x, to: candidate, role: accepted ? .accepted : .rejected)]))
    }
  }

  public var particles: [Particle] { chain.particles }

  public var best: Point? { chain.bestPoint }

  /// Readouts: τ (log gauge from its start down a millionfold, and its
  /// course over the steps as a curve), the recent
  /// acceptance rate and the last candidate's f(y) − f(x). Overlay: the last
  /// candidate move, coloured accepted or rejected.
  public func inspect() -> Inspection {
    chain.inspection(readouts: [
      Readout(
        "threshold", symbol: "τ", value: threshold, gauge: chain.schedule.gauge(start: hyperparameters["tau0"]),
        logarithmic: true, history: thresholds.values),
      Readout("acceptance", symbol: "acc", value: chain.acceptanceRate, gauge: 0...1),
      Readout("energy-change", symbol: "ΔE", value: lastDelta),
    ])
  }
}
