/// The single chain that simulated annealing and threshold accepting both
/// walk: the current point, the best point seen, the cooling schedule, the
/// native step on discrete axes, the recent acceptance decisions and the
/// last candidate move.
///
/// The two optimizers differ only in their acceptance rule (a probability
/// exp(−ΔE/T) or a threshold f(x) + τ) and in their step size; the rest
/// lives here.
struct AnnealingChain {
  /// x, the chain's current point (NaN loss until evaluated).
  var current: Point
  private(set) var bestPoint: Point?
  var schedule = CoolingSchedule()
  private let mutation: DiscreteMutation
  /// δ's directions, smoothed with ρ.
  private var smoothing = DirectionSmoothing()
  private var decisions = AcceptanceWindow()
  /// The last candidate's origin and position, and whether it was accepted.
  private var lastMove: (from: Vector, to: Vector, accepted: Bool)?

  /// Starts from the adopted leader (or the domain's centre), projected onto
  /// the domain; a moved start loses its loss.
  init(adopting particles: [Particle], context: StepContext) {
    current = particles.startingPoint(on: context.domain)
    mutation = DiscreteMutation(domain: context.domain)
  }

  /// Calibrates the schedule on the first step and evaluates the current
  /// point when its loss is unknown, remembering both.
  mutating func prepare(_ f: inout Evaluator, rng: inout SeededGenerator) {
    if !schedule.isCalibrated, let sample = schedule.calibrate(&f, rng: &rng) { remember(sample) }
    if current.loss.isNaN {
      current.loss = f.evaluate(&current.position)
      remember(current)
    }
  }

  /// y = x + δ with δ the native random step of `scale` (on continuous
  /// axes smoothed with `rho`, `DirectionSmoothing`), and f(y).
  mutating func propose(
    scale: Double, rho: Double, _ f: inout Evaluator, rng: inout SeededGenerator
  ) -> (position: Vector, loss: Double) {
    var candidate = current.position
    candidate += smoothing.gaussianStep(
      from: current.position, scale: scale, slot: 0, rho: rho, mutation: mutation, rng: &rng)
    let loss = f.evaluate(&candidate)
    return (candidate, loss)
  }

  /// Records the decision on the candidate, notes it, moves there when
  /// accepted; true when the candidate is the best point seen.
  mutating func settle(
    candidate: Vector, loss: Double, accepted: Bool, _ f: inout Evaluator
  ) -> Bool {
    lastMove = (current.position, candidate, accepted)
    decisions.record(accepted)
    f.note(StepEvent(accepted ? .accept : .reject, at: candidate, from: current.position))
    let improved = remember(Point(position: candidate, loss: loss))
    if accepted { current = Point(position: candidate, loss: loss) }
    return improved
  }

  /// Keeps `point` if it is the best seen; true when it was.
  @discardableResult private mutating func remember(_ point: Point) -> Bool {
    guard point.isBetter(than: bestPoint) else { return false }
    bestPoint = point
    return true
  }

  /// The share of accepted candidates among the latest decisions.
  var acceptanceRate: Double { decisions.rate }

  /// The current point, with the best point seen and the steps taken.
  var particles: [Particle] {
    [Particle(position: current.position, loss: current.loss, personalBest: bestPoint, age: schedule.steps)]
  }

  /// `readouts` with the last candidate move as an arrow, coloured accepted
  /// or rejected.
  func inspection(readouts: [Readout]) -> Inspection {
    var inspection = Inspection(readouts: readouts)
    if let lastMove {
      inspection.overlays.append(
        .arrow(from: lastMove.from, to: lastMove.to, role: lastMove.accepted ? .accepted : .rejected))
    }
    return inspection
  }
}
