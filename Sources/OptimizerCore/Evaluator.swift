/// The one door through which an optimizer evaluates f.
///
/// It projects each point onto the domain (box and lattice), adds seeded
/// Gaussian noise when asked, counts evaluations, logs every probe for the
/// screen, keeps the best point ever evaluated, and collects the step's
/// events. Optimizers receive it `inout` in `step`.
public struct Evaluator: Sendable {
  public let objective: any Objective
  public let domain: Domain
  /// σ of the additive Gaussian noise on every evaluation (0: exact).
  public var noise: Double
  private var noiseGenerator: SeededGenerator
  /// Evaluations of f so far.
  public private(set) var evaluations = 0
  /// Evaluations of ∇f so far (counted apart: they are not zeroth-order).
  public private(set) var gradientEvaluations = 0
  /// The best point evaluated so far, by observed (possibly noisy) loss.
  public var best: Point? {
    bestLoss.isNaN ? nil : Point(position: Vector(bestCoordinates), loss: bestLoss)
  }
  /// True when f gave NaN at the best point: `evaluate` reports NaN as +∞
  /// so that comparisons hold, but what is shown says nan (`shownBestLoss`).
  private var bestIsNaN = false
  /// The best loss and its coordinates, kept in storage of their own so that
  /// recording a new best never shares (and later copies) the caller's vector.
  private var bestLoss = Double.nan
  private var bestCoordinates: [Double]
  /// The box's bounds, unpacked once: projection of a continuous domain is a
  /// clamp per coordinate, with no per-axis dispatch.
  private let lowerBounds: [Double]
  private let upperBounds: [Double]
  private let isContinuous: Bool
  /// The probes of the current step (or of the whole run, if never cleared).
  public var probes: ProbeLog
  /// The events of the current step.
  public private(set) var events: [StepEvent] = []

  /// An evaluator over `objective` on `domain`; `noiseSeed` seeds the noise
  /// stream (drawn from the run's generator so that replays are exact).
  public init(
    objective: any Objective, domain: Domain, noise: Double = 0, noiseSeed: UInt64 = 0,
    logsProbes: Bool = true
  ) {
    precondition(objective.dimension == domain.dimension, "objective and domain differ in dimension")
    self.objective = objective
    self.domain = domain
    self.noise = noise
    self.noiseGenerator = SeededGenerator(seed: noiseSeed, stream: 0x6E6F_6973_65)
    self.probes = ProbeLog(dimension: domain.dimension, isEnabled: logsProbes)
    self.bestCoordinates = Array(repeating: .nan, count: domain.dimension)
    self.lowerBounds = domain.axes.map(\.lower)
    self.upperBounds = domain.axes.map(\.upper)
    self.isContinuous = domain.isContinuous
  }

  public var dimension: Int { domain.dimension }

  /// The best loss as outputs show it: NaN where f gave NaN, rather than
  /// the +∞ that `best` holds for comparisons; nil before any evaluation.
  public var shownBestLoss: Double? { best.map { bestIsNaN ? .nan : $0.loss } }

  /// f at x: x is first projected onto the domain, in place, so the caller
  /// holds exactly the point that was evaluated. NaN from the function is
  /// reported as +∞ so that no comparison is poisoned.
  public mutating func evaluate(_ x: inout Vector) -> Double {
    project(&x)
    var loss = objective.value(at: x)
    if noise > 0 { loss += noise * noiseGenerator.normal() }
    let isNaN = loss.isNaN
    if isNaN { loss = .infinity }
    evaluations += 1
    if probes.isEnabled { probes.append(x, loss: loss) }
    if loss < bestLoss || bestLoss.isNaN {
      record(best: x, loss: loss)
      bestIsNaN = isNaN
    }
    return loss
  }

  /// Clamps into the box (fast path), or projects axis by axis when some
  /// axis is a lattice.
  @inline(__always) private func project(_ x: inout Vector) {
    guard isContinuous else { return domain.project(&x) }
    let n = lowerBounds.count
    precondition(x.dimension == n, "point has dimension \(x.dimension), domain \(n)")
    for i in 0..<n {
      let value = x.components[i]
      let clamped = value.isNaN ? lowerBounds[i] : min(max(value, lowerBounds[i]), upperBounds[i])
      if clamped != value { x.components[i] = clamped }
    }
  }

  private mutating func record(best x: Vector, loss: Double) {
    bestLoss = loss
    for i in bestCoordinates.indices { bestCoordinates[i] = x[i] }
  }

  /// f at the projection of x, leaving x as it is.
  public mutating func evaluate(at x: Vector) -> Double {
    var y = x
    return evaluate(&y)
  }

  /// True when ∇f is exact rather than estimated by differences.
  public var hasAnalyticGradient: Bool { objective.hasAnalyticGradient }

  /// ∇f at x (the landscape's own gradient, exact where it has one).
  /// Counted in `gradientEvaluations`, not in `evaluations`.
  public mutating func gradient(at x: Vector) -> Vector {
    gradientEvaluations += 1
    let g = objective.gradient(at: x)
    return g.isFinite ? g : g.map { $0.isFinite ? $0 : 0 }
  }

  /// Records an event of the current step.
  public mutating func note(_ event: StepEvent) { events.append(event) }

  /// Forgets the last step's probes and events (the engine calls this
  /// before each step).
  public mutating func beginStep() {
    probes.clear()
    events.removeAll(keepingCapacity: true)
  }

  /// Changes the function evaluated (a landscape swap), keeping the counts.
  public func replacingObjective(_ objective: any Objective, domain: Domain) -> Evaluator {
    var copy = Evaluator(
      objective: objective, domain: domain, noise: noise, noiseSeed: 0, logsProbes: probes.isEnabled)
    copy.noiseGenerator = noiseGenerator
    copy.evaluations = evaluations
    copy.gradientEvaluations = gradientEvaluations
    copy.bestLoss = .nan
    return copy
  }
}
