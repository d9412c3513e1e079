/// Ensemble Kalman inversion (Kovachki and Stuart, arXiv 1808.03620) as a
/// loss minimiser: gradients as differences between particles.
///
/// The ensemble x₁…x_J with losses f₁…f_J, means x̄ and f̄, and the
/// cross-covariance C^{xf} = (1/J) Σ (fⱼ − f̄)(xⱼ − x̄) (the ensemble's
/// estimate of Cov(x)·∇f). Every member moves along −C^{xf} in proportion to
/// how far its loss lies above a target:
/// xⱼ ← xⱼ − h·(fⱼ − f_target)·C^{xf}, so the worse members move most and the
/// ensemble both drifts downhill and contracts toward its better members.
///
/// The target is the best loss seen minus a margin in units of the
/// ensemble's loss spread: f_target = f_best − m·sd(f). While the ensemble
/// keeps finding new bests it aims further below them (m doubles after each
/// step that found one, up to 1024 times `margin`, and halves back toward
/// `margin` after each step that did not), so that on a long slope it
/// travels rather than collapsing where it started, and near a minimum it
/// contracts onto it.
///
/// The step h is adaptive, h = h₀·2s / (rms(f − f_target)·‖C^{xf}‖ + ε), with
/// s the ensemble's RMS distance to x̄: the members' RMS move is h₀ times
/// the ensemble's width 2s (the size of the 2-standard-deviation ellipse
/// the screen draws) whatever the scale of f, so steps stay bounded by the
/// ensemble's own size.
/// (Kovachki and Stuart normalise by the Frobenius norm of the ensemble's
/// J×J coupling matrix instead; with that, and a target below every member,
/// the moves are about 1/J of these and the ensemble contracts long before
/// it reaches a minimum.)
///
/// Randomisation: `noise` adds σ·ξ to every member each step; `resample`
/// re-draws every member from N(x̄, σ²I) every E steps (a `.resample` event
/// at x̄); `both` does both. Ensemble-size schedule: with τ > 0 the
/// ensemble holds J(t) = min(J_max, J₀ + ⌊t/τ⌋) members after t steps, new
/// ones drawn from N(x̄, σ²I). A member whose loss is not finite counts as
/// the worst finite one.
///
/// On integer and boolean axes the members keep continuous shadows, which
/// the moves and statistics use; each is evaluated, and shown, at its
/// rounding (docs/OPTIMIZERS.md, "Discrete moves").
public struct EnsembleKalmanInversion: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "eki", family: .swarm,
    summary: "ensemble Kalman inversion: members move along the ensemble's loss–position covariance",
    specs: [
      .integer("members", symbol: "J₀", default: 10, range: 2...10_000, help: "ensemble size (at the start)").countingPoints,
      HyperparameterSpec(
        "h0", symbol: "h₀", default: 0.5, range: 1e-3...10, scale: .log,
        help: "step: the members' RMS move as a fraction of the ensemble's width"),
      HyperparameterSpec(
        "margin", symbol: "m", default: 1, range: 0.01...100, scale: .log,
        help: "target below the best loss, in ensemble loss spreads (grows while it improves)"),
      .choice(
        "randomize", options: Randomization.allCases.map(\.rawValue), default: Randomization.resample.rawValue,
        help: "noise: add σ·ξ each step; resample: re-draw around the mean every E steps"),
      HyperparameterSpec(
        "sigma", symbol: "σ", default: 0.02, range: 1e-8...1, scale: .log, unit: .domainWidth,
        help: "spread of the noise, of resampled members and of new members"),
      .integer(
        "resampleEvery", symbol: "E", default: 50, range: 1...1_000_000, help: "steps between resamplings"),
      .integer(
        "growEvery", symbol: "τ", default: 0, range: 0...1_000_000,
        help: "add a member every τ steps, up to maxMembers (0: fixed size)"),
      .integer(
        "maxMembers", symbol: "J_max", default: 40, range: 2...10_000, help: "largest ensemble the schedule grows").countingPoints,
      Initialization.spec,
      Initialization.mean,
      Initialization.deviation,
    ])

  /// The randomisation variants.
  enum Randomization: String, CaseIterable {
    case none, noise, resample, both

    var addsNoise: Bool { self == .noise || self == .both }
    var resamples: Bool { self == .resample || self == .both }
  }

  /// The largest factor by which the margin grows while the ensemble improves.
  static let maximumBoost = 1024.0

  public var hyperparameters: Hyperparameters
  private let dimension: Int
  private var positions: [Vector]
  /// The domain, when some axis is integer or boolean (`positions` are then
  /// the members' continuous shadows); nil on a continuous one.
  private let lattice: Domain?
  /// f(xⱼ); NaN until evaluated.
  private var losses: [Double]
  /// The step at which each member was drawn.
  private var births: [Int]
  private var bestPoint: Point?
  /// The margin's current multiple of `margin`, in 1…`maximumBoost`.
  private var boost = 1.0
  /// The last step's h and f_target, for the readouts.
  private var lastStepSize = Double.nan
  private var lastTarget = Double.nan
  private var steps = 0

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    dimension = context.dimension
    lattice = context.domain.isContinuous ? nil : context.domain
    let placed = Initialization(hyperparameters).positions(
      count: hyperparameters.integer("members"), adopting: particles, domain: context.domain, rng: &rng)
    positions = placed
    losses = placed.indices.map { i in
      i < particles.count && particles[i].position == placed[i] ? particles[i].loss : .nan
    }
    births = Array(repeating: 0, count: placed.count)
    for i in positions.indices where !losses[i].isNaN { remember(i, at: positions[i]) }
  }

  /// J(t) = min(J_max, J₀ + ⌊t/τ⌋) with the schedule on (τ > 0), else J₀.
  static func ensembleSize(after steps: Int, initial: Int, maximum: Int, growEvery: Int) -> Int {
    growEvery > 0 ? min(maximum, initial + steps / growEvery) : initial
  }

  private var scheduledSize: Int {
    Self.ensembleSize(
      after: steps, initial: hyperparameters.integer("members"), maximum: hyperparameters.integer("maxMembers"),
      growEvery: hyperparameters.integer("growEvery"))
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let h0 = hyperparameters["h0"]
    let sigma = hyperparameters["sigma"]
    let randomization = Randomization(rawValue: hyperparameters.choice("randomize")) ?? .resample
    if scheduledSize != positions.count { resize(to: scheduledSize, sigma: sigma, rng: &rng) }
    for i in positions.indices where losses[i].isNaN { evaluate(i, f: &f) }
    let bestBefore = bestPoint?.loss ?? .infinity

    move(h0: h0)
    if randomization.addsNoise {
      for i in positions.indices {
        for d in 0..<dimension { positions[i][d] += sigma * rng.normal() }
      }
    }
    steps += 1
    if randomization.resamples && steps % hyperparameters.integer("resampleEvery") == 0 {
      let mean = Self.mean(of: positions)
      for i in positions.indices {
        positions[i] = Self.draw(around: mean, sigma: sigma, rng: &rng)
        births[i] = steps
      }
      f.note(StepEvent(.resample, at: f.domain.projected(mean)))
    }
    for i in positions.indices { evaluate(i, f: &f) }
    let improved = (bestPoint?.loss ?? .infinity) < bestBefore
    boost = improved ? min(2 * boost, Self.maximumBoost) : max(boost / 2, 1)
    if scheduledSize != positions.count { resize(to: scheduledSize, sigma: sigma, rng: &rng) }
  }

  /// The Kalman move xⱼ ← xⱼ − h·(fⱼ − f_target)·C^{xf}; no move when the
  /// ensemble's losses or positions do not differ.
  private mutating func move(h0: Double) {
    let statistics = Statistics(positions: positions, losses: losses)
    let target = (bestPoint?.loss ?? statistics.minimum) - hyperparameters["margin"] * boost * statistics.lossDeviation
    var squaredResidual = 0.0
    for loss in statistics.losses { squaredResidual += (loss - target) * (loss - target) }
    let residual = (squaredResidual / Double(positions.count)).squareRoot()
    let h = h0 * 2 * statistics.spread / (residual * statistics.crossCovariance.norm + .leastNormalMagnitude)
    lastTarget = target
    lastStepSize = h
    guard h.isFinite, h > 0, statistics.crossCovariance.norm > 0 else { return }
    for i in positions.indices {
      positions[i].add(statistics.crossCovariance, scaledBy: -h * (statistics.losses[i] - target))
    }
  }

  /// f at member j, kept as its loss: evaluated in place on a continuous
  /// domain; on a lattice at round(xⱼ), xⱼ kept as its shadow.
  private mutating func evaluate(_ i: Int, f: inout Evaluator) {
    guard lattice != nil else {
      losses[i] = f.evaluate(&positions[i])
      return remember(i, at: positions[i])
    }
    var point = positions[i]
    losses[i] = f.evaluate(shadow: &positions[i], into: &point)
    remember(i, at: point)
  }

  /// Keeps member i's loss at `position` if it is the best seen.
  private mutating func remember(_ i: Int, at position: Vector) {
    let point = Point(position: position, loss: losses[i])
    if point.loss.isFinite && point.isBetter(than: bestPoint) { bestPoint = point }
  }

  /// Grows the ensemble with members drawn from N(x̄, σ²I), or shrinks it
  /// to its best members (in their order, ties to the lower index).
  private mutating func resize(to count: Int, sigma: Double, rng: inout SeededGenerator) {
    if count > positions.count {
      let mean = Self.mean(of: positions)
      while positions.count < count {
        positions.append(Self.draw(around: mean, sigma: sigma, rng: &rng))
        losses.append(.nan)
        births.append(steps)
      }
    } else {
      let ranked = losses.indices.sorted { a, b in
        let better = losses[a] < losses[b] || (losses[b].isNaN && !losses[a].isNaN)
        let worse = losses[b] < losses[a] || (losses[a].isNaN && !losses[b].isNaN)
        return better || (!worse && a < b)
      }
      let kept = ranked.prefix(count).sorted()
      positions = kept.map { positions[$0] }
      losses = kept.map { losses[$0] }
      births = kept.map { births[$0] }
    }
  }

  /// A draw from N(mean, σ²I); the evaluator projects it onto the domain.
  private static func draw(around mean: Vector, sigma: Double, rng: inout SeededGenerator) -> Vector {
    var x = mean
    for d in 0..<x.dimension { x[d] += sigma * rng.normal() }
    return x
  }

  static func mean(of positions: [Vector]) -> Vector {
    var mean = Vector.zeros(positions[0].dimension)
    for x in positions { mean.add(x, scaledBy: 1 / Double(positions.count)) }
    return mean
  }

  public var particles: [Particle] {
    positions.indices.map { j in
      Particle(position: lattice?.projected(positions[j]) ?? positions[j], loss: losses[j], age: steps - births[j])
    }
  }

  public var best: Point? { bestPoint }

  /// Readouts: J (a gauge up to J_max), h, the spread s, the target.
  /// Overlays: x̄, the positions' covariance ellipse (2 standard
  /// deviations), and −C^{xf} from x̄ as an arrow as long as the spread s
  /// (its direction is the descent the ensemble sees; h says how far it
  /// goes).
  public func inspect() -> Inspection {
    let statistics = Statistics(positions: positions, losses: losses)
    let maximum = max(hyperparameters.integer("maxMembers"), hyperparameters.integer("members"), positions.count)
    var inspection = Inspection(
      readouts: [
        Readout("ensemble-size", symbol: "J", value: Double(positions.count), gauge: 0...Double(maximum)),
        Readout("step-size", symbol: "h", value: lastStepSize, logarithmic: true),
        Readout("spread", symbol: "s", value: statistics.spread, logarithmic: true),
        Readout("target", symbol: "f_target", value: lastTarget),
      ],
      overlays: [
        .mark(at: statistics.mean, role: .mean),
        .covarianceEllipse(center: statistics.mean, covariance: statistics.covariance, role: .covariance),
      ],
      vectors: [NamedVector("x̄", statistics.mean), NamedVector("C^{xf}", statistics.crossCovariance)])
    let norm = statistics.crossCovariance.norm
    if norm > 0 && statistics.spread > 0 {
      let tip = statistics.mean - (statistics.spread / norm) * statistics.crossCovariance
      inspection.overlays.append(.arrow(from: statistics.mean, to: tip, role: .gradient))
    }
    return inspection
  }
}

extension EnsembleKalmanInversion {
  /// The ensemble's moments: x̄, C^{xf}, the covariance of the positions'
  /// first two coordinates (what the ellipse draws), the RMS spread s and
  /// the losses' standard deviation (losses that are not finite, or
  /// unknown, count as the worst finite one).
  struct Statistics {
    var mean: Vector
    var losses: [Double]
    var minimum: Double
    var lossDeviation: Double
    var crossCovariance: Vector
    var covariance: [[Double]]
    var spread: Double

    init(positions: [Vector], losses raw: [Double]) {
      let count = Double(positions.count)
      let n = positions[0].dimension
      let worst = raw.filter(\.isFinite).max() ?? 0
      losses = raw.map { $0.isFinite ? $0 : worst }
      minimum = losses.min() ?? 0
      mean = EnsembleKalmanInversion.mean(of: positions)
      let lossMean = losses.reduce(0, +) / count
      var variance = 0.0
      crossCovariance = .zeros(n)
      let drawn = min(n, 2)
      covariance = Array(repeating: Array(repeating: 0, count: drawn), count: drawn)
      var squaredSpread = 0.0
      for (j, x) in positions.enumerated() {
        let excess = losses[j] - lossMean
        variance += excess * excess / count
        let deviation = x - mean
        crossCovariance.add(deviation, scaledBy: excess / count)
        squaredSpread += deviation.squaredNorm / count
        for a in 0..<drawn {
          for b in 0..<drawn { covariance[a][b] += deviation[a] * deviation[b] / count }
        }
      }
      lossDeviation = variance.squareRoot()
      spread = squaredSpread.squareRoot()
    }
  }
}
