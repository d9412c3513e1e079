import RealModule

/// Simulated annealing: a random step δ = η·ξ to y = x + δ, accepted if
/// f(y) < f(x) or else with probability exp(−(f(y) − f(x)) / T).
///
/// T = T₀ · s · αᵏ after k coolings (`CoolingSchedule`), where s is the
/// landscape's typical loss spread measured on a few samples at the first
/// step, so that T₀ = 1 means the same on every landscape. T cools by α
/// every `coolEvery` steps, and also after `maxBad` steps without a new best
/// point. Changing T₀ or α mid-run rescales T from then on; the coolings so
/// far are kept.
///
/// On integer and boolean axes the move is native (`DiscreteMutation`,
/// ALGORITHMS.md section 7): each discrete axis changes with probability 1/d
/// (d discrete axes; at least one when no axis is continuous), an integer
/// axis by ±max(1, round(|η·ξ|)) and a boolean one by a flip.
public struct SimulatedAnnealing: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "simulated-annealing", family: .annealing,
    summary: "random steps, worse ones accepted with probability exp(−ΔE/T) as T cools",
    specs: [
      HyperparameterSpec(
        "step", symbol: "η", default: 5e-2, range: 1e-8...1, scale: .log, unit: .domainWidth,
        help: "standard deviation of the random step"),
      HyperparameterSpec(
        "t0", symbol: "T₀", default: 1, range: 1e-8...1e8, scale: .log,
        help: "starting temperature, in units of the landscape's typical loss spread"),
    ] + CoolingSchedule.specs)

  public var hyperparameters: Hyperparameters
  private var current: Point
  private var bestPoint: Point?
  private var schedule = CoolingSchedule()
  private let mutation: DiscreteMutation
  private var decisions = AcceptanceWindow()
  /// The last candidate's ΔE, acceptance probability, origin and position.
  private var lastDelta = Double.nan
  private var lastProbability = Double.nan
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

  /// T = T₀ · s · αᵏ, NaN before the first step.
  public var temperature: Double { schedule.level(start: hyperparameters["t0"]) }

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

    let delta = loss == current.loss ? 0 : loss - current.loss
    let probability = delta <= 0 ? 1 : Double.exp(-delta / temperature)
    let accepted = delta <= 0 || rng.uniform() < probability
    (lastDelta, lastProbability) = (delta, probability)
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

  /// The share of accepted candidates among the latest decisions.
  public var acceptanceRate: Double { decisions.rate }

  public var particles: [Particle] {
    [Particle(position: current.position, loss: current.loss, personalBest: bestPoint, age: schedule.steps)]
  }

  public var best: Point? { bestPoint }

  /// Readouts: T (log gauge from its start down a millionfold), the recent
  /// acceptance rate, the last ΔE and its acceptance probability. Overlay:
  /// the last candidate move, coloured accepted or rejected.
  public func inspect() -> Inspection {
    var inspection = Inspection(readouts: [
      Readout(
        "temperature", symbol: "T", value: temperature, gauge: schedule.gauge(start: hyperparameters["t0"]),
        logarithmic: true),
      Readout("acceptance", symbol: "acc", value: acceptanceRate, gauge: 0...1),
      Readout("energy-change", symbol: "ΔE", value: lastDelta),
      Readout("acceptance-probability", symbol: "P", value: lastProbability, gauge: 0...1),
    ])
    if let lastMove {
      inspection.overlays.append(
        .arrow(from: lastMove.from, to: lastMove.to, role: lastMove.accepted ? .accepted : .rejected))
    }
    return inspection
  }
}
