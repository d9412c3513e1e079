import RealModule

/// Simulated annealing: a random step δ = η·ξ to y = x + δ, accepted if
/// f(y) < f(x) or else with probability exp(−(f(y) − f(x)) / T).
///
/// T = T₀ · s · αᵏ after k coolings, where s is the landscape's typical loss
/// spread: the standard deviation of f over `calibrationSamples` uniform
/// samples drawn (and counted) at the first step, so that T₀ = 1 means the
/// same on every landscape. T cools by α every `coolEvery` steps, and also
/// after `maxBad` steps without a new best point. Changing T₀ or α mid-run
/// rescales T from then on; the coolings so far are kept.
///
/// On integer and boolean axes the move is native (ALGORITHMS.md section 7):
/// each discrete axis changes with probability 1/d (d discrete axes; at least
/// one when no axis is continuous), an integer axis by ±max(1, round(|η·ξ|))
/// and a boolean one by a flip.
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
      HyperparameterSpec(
        "alpha", symbol: "α", default: 0.95, range: 0.01...1,
        help: "cooling factor: T ← α·T at each cooling"),
      .integer("coolEvery", symbol: "every", default: 20, range: 1...1_000_000, help: "steps between coolings"),
      .integer(
        "maxBad", symbol: "bad", default: 50, range: 1...1_000_000_000,
        help: "steps without a new best point that trigger an extra cooling"),
    ])

  /// How many uniform samples measure the loss spread at the first step.
  static let calibrationSamples = 10
  /// How many recent decisions the acceptance rate averages.
  static let acceptanceWindow = 50

  public var hyperparameters: Hyperparameters
  private var current: Point
  private var bestPoint: Point?
  /// The loss spread s; NaN until the first step measures it.
  private var spread = Double.nan
  /// αᵏ: the product of the cooling factors applied so far.
  private var cooling = 1.0
  private var steps = 0
  private var stepsSinceBest = 0
  /// The discrete axes (integer or boolean), and whether any axis is
  /// continuous.
  private let discreteAxes: [Int]
  private let hasContinuousAxis: Bool
  /// The latest decisions, a ring of `acceptanceWindow` (true: accepted).
  private var decisions: [Bool] = []
  private var nextDecision = 0
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
    let axes = context.domain.axes
    discreteAxes = axes.indices.filter { axes[$0].kind != .continuous }
    hasContinuousAxis = discreteAxes.count < axes.count
  }

  /// T = T₀ · s · αᵏ, NaN before the first step.
  public var temperature: Double { hyperparameters["t0"] * spread * cooling }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let eta = hyperparameters["step"]
    let alpha = hyperparameters["alpha"]
    if spread.isNaN { calibrate(&f, rng: &rng) }
    if current.loss.isNaN {
      current.loss = f.evaluate(&current.position)
      remember(current)
    }

    var candidate = current.position
    for i in candidate.components.indices where f.domain.axes[i].kind == .continuous {
      candidate[i] += eta * rng.normal()
    }
    moveDiscreteAxes(of: &candidate, eta: eta, domain: f.domain, rng: &rng)
    let loss = f.evaluate(&candidate)

    let delta = loss == current.loss ? 0 : loss - current.loss
    let probability = delta <= 0 ? 1 : Double.exp(-delta / temperature)
    let accepted = delta <= 0 || rng.uniform() < probability
    (lastDelta, lastProbability) = (delta, probability)
    lastMove = (current.position, candidate, accepted)
    record(accepted)
    f.note(StepEvent(accepted ? .accept : .reject, at: candidate, from: current.position))
    let improved = remember(Point(position: candidate, loss: loss))
    if accepted { current = Point(position: candidate, loss: loss) }

    steps += 1
    stepsSinceBest = improved ? 0 : stepsSinceBest + 1
    if steps % hyperparameters.integer("coolEvery") == 0 { cooling *= alpha }
    if stepsSinceBest >= hyperparameters.integer("maxBad") {
      cooling *= alpha
      stepsSinceBest = 0
    }
  }

  /// s: the standard deviation of f over uniform samples of the domain (1
  /// when the samples are flat or not finite).
  private mutating func calibrate(_ f: inout Evaluator, rng: inout SeededGenerator) {
    var losses: [Double] = []
    for _ in 0..<Self.calibrationSamples {
      var sample = f.domain.randomPoint(using: &rng)
      let loss = f.evaluate(&sample)
      remember(Point(position: sample, loss: loss))
      if loss.isFinite { losses.append(loss) }
    }
    let mean = losses.reduce(0, +) / Double(max(losses.count, 1))
    let variance = losses.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(losses.count - 1, 1))
    let deviation = variance.squareRoot()
    spread = deviation > 0 && deviation.isFinite ? deviation : 1
  }

  /// The native move on discrete axes: each changes with probability 1/d
  /// (one surely changes when no axis is continuous), an integer axis by
  /// ±max(1, round(|η·ξ|)), a boolean one by a flip.
  private func moveDiscreteAxes(
    of candidate: inout Vector, eta: Double, domain: Domain, rng: inout SeededGenerator
  ) {
    guard !discreteAxes.isEmpty else { return }
    let chance = 1 / Double(discreteAxes.count)
    let forced = hasContinuousAxis ? nil : discreteAxes[rng.integer(below: discreteAxes.count)]
    for axis in discreteAxes where axis == forced || rng.bernoulli(chance) {
      switch domain.axes[axis].kind {
      case .boolean:
        candidate[axis] = 1 - candidate[axis]
      case .integer, .continuous:
        let xi = rng.normal()
        let size = max(1, (eta * xi).magnitude.rounded())
        candidate[axis] += xi < 0 ? -size : size
      }
    }
  }

  private mutating func record(_ accepted: Bool) {
    if decisions.count < Self.acceptanceWindow {
      decisions.append(accepted)
    } else {
      decisions[nextDecision] = accepted
    }
    nextDecision = (nextDecision + 1) % Self.acceptanceWindow
  }

  /// Keeps `point` if it is the best seen; true when it was.
  @discardableResult private mutating func remember(_ point: Point) -> Bool {
    guard point.isBetter(than: bestPoint) else { return false }
    bestPoint = point
    return true
  }

  /// The share of accepted candidates among the latest decisions.
  public var acceptanceRate: Double {
    decisions.isEmpty ? .nan : Double(decisions.filter { $0 }.count) / Double(decisions.count)
  }

  public var particles: [Particle] {
    [Particle(position: current.position, loss: current.loss, personalBest: bestPoint, age: steps)]
  }

  public var best: Point? { bestPoint }

  /// Readouts: T (log gauge from its start down a millionfold), the recent
  /// acceptance rate, the last ΔE and its acceptance probability. Overlay:
  /// the last candidate move, coloured accepted or rejected.
  public func inspect() -> Inspection {
    let start = hyperparameters["t0"] * spread
    var inspection = Inspection(readouts: [
      Readout(
        "temperature", symbol: "T", value: temperature,
        gauge: start.isFinite ? start * 1e-6...start : nil, logarithmic: true),
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
