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
public struct ThresholdAccepting: DescribedOptimizer {
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
    ] + CoolingSchedule.specs)

  public var hyperparameters: Hyperparameters
  private var current: Point
  private var bestPoint: Point?
  private var schedule = CoolingSchedule()
  private let mutation: DiscreteMutation
  private var decisions = AcceptanceWindow()
  /// The last candidate's f(y) − f(x), origin and position.
  private var lastDelta = Double.nan
  private var lastMove: (from: Vector, to: Vector, accepted: Bool)?

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    let start = particles.leader ?? Particle(position: context.domain.center)
    let position = context.domain.projected(start.position)
    current = Point(position: position, loss: position == start.position ? start.loss : .nan)
    mutation = DiscreteMutation(domain: context.domain)
  }

  /// τ = τ₀ · s · αᵏ, NaN before the first step.
  public var threshold: Double { schedule.level(start: hyperparameters["tau0"]) }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let eta = hyperparameters["step"]
    if !schedule.isCalibrated, let sample = schedule.calibrate(&f, rng: &rng) { remember(sample) }
    if current.loss.isNaN {
      current.loss = f.evaluate(&current.position)
      remember(current)
    }

    var candidate = current.position
    candidate += mutation.gaussianStep(from: current.position, scale: eta, rng: &rng)
    let loss = f.evaluate(&candidate)
    let accepted = loss < current.loss + threshold
    lastDelta = loss - current.loss
    lastMove = (current.position, candidate, accepted)
    decisions.record(accepted)
    f.note(StepEvent(accepted ? .accept : .reject, at: candidate, from: current.position))
    let improved = remember(Point(position: candidate, loss: loss))
    if accepted { current = Point(position: candidate, loss: loss) }
    schedule.advance(improved: improved, hyperparameters: hyperparameters)
  }

  /// Keeps `point` if it is the best seen; true when it was.
  @discardableResult private mutating func remember(_ point: Point) -> Bool {
    guard point.isBetter(than: bestPoint) else { return false }
    bestPoint = point
    return true
  }

  public var particles: [Particle] {
    [Particle(position: current.position, loss: current.loss, personalBest: bestPoint, age: schedule.steps)]
  }

  public var best: Point? { bestPoint }

  /// Readouts: τ (log gauge from its start down a millionfold), the recent
  /// acceptance rate and the last candidate's f(y) − f(x). Overlay: the last
  /// candidate move, coloured accepted or rejected.
  public func inspect() -> Inspection {
    var inspection = Inspection(readouts: [
      Readout(
        "threshold", symbol: "τ", value: threshold, gauge: schedule.gauge(start: hyperparameters["tau0"]),
        logarithmic: true),
      Readout("acceptance", symbol: "acc", value: decisions.rate, gauge: 0...1),
      Readout("energy-change", symbol: "ΔE", value: lastDelta),
    ])
    if let lastMove {
      inspection.overlays.append(
        .arrow(from: lastMove.from, to: lastMove.to, role: lastMove.accepted ? .accepted : .rejected))
    }
    return inspection
  }
}
