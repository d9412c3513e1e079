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
/// On integer and boolean axes the move is native (`DiscreteMutation`):
/// each discrete axis changes with probability 1/d
/// (d discrete axes; at least one when no axis is continuous), an integer
/// axis by ±max(1, round(|η·ξ|)) and a boolean one by a flip.
///
/// `rho` smooths the direction of the random step δ from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct SimulatedAnnealing: DescribedOptimizer, RecordedStep {
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
      HyperparameterSpec(
        "stepCooling", symbol: "κ", default: 0.5, range: 0...2,
        help: "steps shrink with the temperature: η·(T/T₀)^κ (0: a fixed step, as in the textbook)"),
      .flag(
        "returnToBest", default: true,
        help: "after maxBad steps without a new best, go back to the best point seen"),
    ] + CoolingSchedule.specs + [DirectionSmoothing.spec])

  public var hyperparameters: Hyperparameters
  private var chain: AnnealingChain
  /// The last candidate's ΔE and acceptance probability.
  private var lastDelta = Double.nan
  private var lastProbability = Double.nan
  /// T after each step, for the panel's curve.
  private var temperatures = DecimatedSeries()

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    chain = AnnealingChain(adopting: particles, context: context)
  }

  /// T = T₀ · s · αᵏ, NaN before the first step.
  public var temperature: Double { chain.schedule.level(start: hyperparameters["t0"]) }

  /// The step, taken apart (`RecordedStep`) as proposal, ΔE, P = exp(−ΔE/T), the draw, the
  /// verdict.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let eta = hyperparameters["step"]
    chain.prepare(&f, rng: &rng)

    // The step shrinks with the temperature, so that the search that
    // roams while hot settles precisely once cold (an improvement over the
    // classic fixed step δ = η·ξ, which cannot finish closer than about η).
    let scale = eta * Double.pow(chain.schedule.cooling, hyperparameters["stepCooling"])
    let (candidate, loss) = chain.propose(scale: scale, rho: hyperparameters["rho"], &f, rng: &rng)

    let current = chain.current
    let delta = loss == current.loss ? 0 : loss - current.loss
    let level = temperature
    let probability = delta <= 0 ? 1 : Double.exp(-delta / level)
    // A better candidate is taken without a draw.
    let draw = delta <= 0 ? nil : rng.uniform()
    let accepted = draw.map { $0 < probability } ?? true
    (lastDelta, lastProbability) = (delta, probability)
    let improved = chain.settle(candidate: candidate, loss: loss, accepted: accepted, &f)

    let stagnated = chain.schedule.advance(improved: improved, hyperparameters: hyperparameters)
    if stagnated, hyperparameters.flag("returnToBest"), let bestPoint = chain.bestPoint,
      bestPoint.loss < chain.current.loss
    {
      chain.current = bestPoint
    }
    if let record {
      let x = current.position
      record(
        InspectionStage(
          "proposal", formula: "y = x + δ,  δ ~ η·(T/T₀)^κ·N(0, I)",
          values: [.vector("x", x), .number("scale", scale), .vector("δ", candidate - x), .vector("y", candidate)],
          overlays: [.arrow(from: x, to: candidate, role: .candidate), .marks([candidate], role: .candidate)]))
      record(
        InspectionStage(
          "ΔE", formula: "ΔE = f(y) − f(x)",
          values: [.number("f(x)", current.loss), .number("f(y)", loss), .number("ΔE", delta)]))
      record(
        InspectionStage(
          "P = exp(−ΔE/T)", formula: "P = 1 if ΔE ≤ 0, else exp(−ΔE/T)",
          values: [.number("ΔE", delta), .number("T", level), .number("P", probability)]))
      record(
        InspectionStage(
          "the random draw", formula: "u ~ U(0, 1); accept when u < P",
          values: draw.map { [.number("u", $0), .number("P", probability)] } ?? [.fact("u", "not drawn (ΔE ≤ 0)")]))
      record(
        InspectionStage(
          accepted ? "accept" : "reject", formula: accepted ? "x′ = y" : "x′ = x (y refused)",
          values: [.fact("verdict", accepted ? "accepted" : "rejected"), .vector("x′", chain.current.position), .number("f(x′)", chain.current.loss)],
          overlays: [.arrow(from: x, to: candidate, role: accepted ? .accepted : .rejected)]))
    }
    temperatures.append(temperature)
  }

  /// The share of accepted candidates among the latest decisions.
  public var acceptanceRate: Double { chain.acceptanceRate }

  public var particles: [Particle] { chain.particles }

  public var best: Point? { chain.bestPoint }

  /// Readouts: T (log gauge from its start down a millionfold, and its
  /// course over the steps as a curve), the recent
  /// acceptance rate, the last ΔE and its acceptance probability. Overlay:
  /// the last candidate move, coloured accepted or rejected.
  public func inspect() -> Inspection {
    chain.inspection(readouts: [
      Readout(
        "temperature", symbol: "T", value: temperature, gauge: chain.schedule.gauge(start: hyperparameters["t0"]),
        logarithmic: true, history: temperatures.values),
      Readout("acceptance", symbol: "acc", value: acceptanceRate, gauge: 0...1),
      Readout("energy-change", symbol: "ΔE", value: lastDelta),
      Readout("acceptance-probability", symbol: "P", value: lastProbability, gauge: 0...1),
    ])
  }
}
