/// AdaSwarm (Mohapatra et al., arXiv 2006.09875): an EMPSO swarm searches
/// the domain, and its velocity terms give a gradient estimate at one
/// point x, which an Adam update moves (docs/OPTIMIZERS.md, `adaswarm`).
///
/// Each step the swarm takes one EMPSO step (`ParticleSwarm` with the
/// averaged inertia, N evaluations), recording per axis the mean over its
/// particles of the pull coefficients c₁r₁ + c₂r₂. Read as one step of
/// gradient descent of rate ηₛ, the swarm's pull toward its best g says
/// ∂f/∂xᵢ ≈ −(c̄₁r̄₁ + c̄₂r̄₂)ᵢ / ηₛ · (gᵢ − xᵢ),
/// AdaSwarm's approximation, taken at x. Adam (bias-corrected moments,
/// `AdamUpdate`) turns it into the move of x, which is then evaluated
/// once: N + 1 evaluations a step.
///
/// The swarm and the point are separate: the swarm never sees x, so x
/// follows the swarm's best at Adam's pace (about η a step per axis).
/// Adopting particles, x starts at the leader and the swarm adopts them all.
public struct AdaSwarm: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "adaswarm", family: .swarm,
    summary: "Adam on one point, its gradient read from an EMPSO swarm's pull toward its best",
    specs: ParticleSwarm.specs(inertia: .average) + [swarmRate] + AdamUpdate.specs(learningRate: LearningRate.zerothOrder))

  /// ηₛ: the step size the swarm's move is read as. Adam normalises ĝ, so
  /// it scales ĝ (and the readout) more than it changes the path.
  static let swarmRate = HyperparameterSpec(
    "swarmLR", symbol: "ηₛ", default: 0.1, range: 1e-4...10, scale: .log,
    help: "the swarm's step read as a gradient step: ĝ = −(c̄₁r̄₁ + c̄₂r̄₂)/ηₛ·(g − x)")

  public var hyperparameters: Hyperparameters
  private var swarm: ParticleSwarm
  private var rule: AdamUpdate
  /// x and f(x), NaN until evaluated.
  private var point: Point
  /// The best point x has visited.
  private var pointBest: Point?
  /// The last ĝ and the last move of x.
  private var gradient: Vector
  private var lastMove: Vector
  private var steps = 0
  /// w, for the length of the gradient arrow.
  private let width: Double

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    swarm = ParticleSwarm(
      inertia: .average, adopting: particles, hyperparameters: hyperparameters, context: context,
      recordingPulls: true, rng: &rng)
    rule = AdamUpdate(context: context)
    point = particles.startingPoint(on: context.domain)
    gradient = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
    width = context.width
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    swarm.hyperparameters = hyperparameters
    if point.loss.isNaN { point.loss = f.evaluate(&point.position) }
    remember(point)
    swarm.step(&f, rng: &rng)
    steps += 1
    guard let g = swarm.best?.position else { return }
    let rate = hyperparameters["swarmLR"]
    for i in 0..<gradient.dimension {
      gradient[i] = -swarm.pullCoefficients[i] / rate * (g[i] - point.position[i])
    }
    let move = rule.move(for: gradient, in: DescentState(point: point, hyperparameters: hyperparameters))
    var next = point.position + move
    let loss = f.evaluate(&next)
    lastMove = next - point.position
    f.note(StepEvent(.accept, at: next, from: point.position))
    point = Point(position: next, loss: loss)
    remember(point)
  }

  private mutating func remember(_ visited: Point) {
    if visited.isBetter(than: pointBest) { pointBest = visited }
  }

  /// x first (tagged "adam"), then the swarm's particles (tagged "swarm").
  public var particles: [Particle] {
    let x = Particle(
      position: point.position, loss: point.loss, velocity: lastMove, personalBest: pointBest, age: steps,
      tag: "adam")
    return [x] + swarm.particles.map { particle in
      var member = particle
      member.tag = "swarm"
      return member
    }
  }

  /// The better of the swarm's best and the best point x visited.
  public var best: Point? {
    guard let pointBest else { return swarm.best }
    return pointBest.isBetter(than: swarm.best) ? pointBest : swarm.best
  }

  /// The swarm's inspection (velocities, moving averages, personal bests,
  /// g, its spread), then x's: the descent direction −ĝ as an arrow a tenth
  /// of w long, Adam's move, and the readouts f(x), ‖ĝ‖ and ‖Δ‖.
  public func inspect() -> Inspection {
    var inspection = swarm.inspect()
    let x = point.position
    let gradientNorm = gradient.norm
    if gradientNorm > 0 {
      inspection.overlays.append(.arrow(from: x, to: x - (0.1 * width / gradientNorm) * gradient, role: .gradient))
    }
    rule.inspect(into: &inspection, at: x)
    inspection.readouts += [
      Readout("point", symbol: "f(x)", value: point.loss),
      Readout("gradient", symbol: "‖ĝ‖", value: gradientNorm, logarithmic: true),
      Readout("step", symbol: "‖Δ‖", value: lastMove.norm, logarithmic: true),
    ]
    inspection.vectors += [NamedVector("x", x), NamedVector("ĝ", gradient), NamedVector("Δ", lastMove)]
    return inspection
  }
}
