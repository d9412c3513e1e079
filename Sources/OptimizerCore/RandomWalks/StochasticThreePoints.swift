/// Stochastic three points (Bergou, Gorbunov and Richtárik, arXiv
/// 1902.03591): draw δ = η·ξ and move to the best of x, x + δ and x − δ.
///
/// Two evaluations a step, and the loss never rises (up to noise). On
/// integer and boolean axes δ is a native move (`DiscreteMutation`): whole
/// steps, and a flip that x + δ takes and x − δ, pushed off the {0, 1}
/// lattice and projected back, does not.
///
/// `rho` smooths the direction of δ from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct StochasticThreePoints: DescribedOptimizer, RecordedStep {
  public static let descriptor = OptimizerDescriptor(
    name: "stp", family: .randomWalk,
    summary: "stochastic three points: the best of x, x + δ and x − δ for a random δ",
    specs: [
      HyperparameterSpec(
        "step", symbol: "η", default: 1e-2, range: 1e-8...1, scale: .log, unit: .domainWidth,
        help: "standard deviation of the random direction δ = η·ξ"),
      DirectionSmoothing.spec,
    ])

  public var hyperparameters: Hyperparameters
  private var current: Point
  private let mutation: DiscreteMutation
  /// δ's directions, smoothed with ρ.
  private var smoothing = DirectionSmoothing()
  /// x + δ and x − δ of the last step, projected.
  private var candidates: [Vector] = []
  /// The last move taken (zero when x stayed).
  private var lastMove: Vector
  private var steps = 0

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    current = particles.startingPoint(on: context.domain)
    mutation = DiscreteMutation(domain: context.domain)
    lastMove = .zeros(context.dimension)
  }

  /// The step, taken apart (`RecordedStep`) as the direction δ, the three losses compared,
  /// the move to the best.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let eta = hyperparameters["step"]
    steps += 1
    if current.loss.isNaN { current.loss = f.evaluate(&current.position) }
    let delta = smoothing.gaussianStep(
      from: current.position, scale: eta, slot: 0, rho: hyperparameters["rho"], mutation: mutation, rng: &rng)
    candidates.removeAll(keepingCapacity: true)
    var best = current
    var chosen: Int?
    var losses: [Double] = []
    for (index, sign) in [1.0, -1.0].enumerated() {
      var y = current.position
      y.add(delta, scaledBy: sign)
      let loss = f.evaluate(&y)
      candidates.append(y)
      if record != nil { losses.append(loss) }
      if loss < best.loss { (best, chosen) = (Point(position: y, loss: loss), index) }
    }
    for (index, y) in candidates.enumerated() {
      f.note(StepEvent(index == chosen ? .accept : .reject, at: y, from: current.position))
    }
    let origin = current
    lastMove = best.position - current.position
    current = best
    if let record { threePointStages(from: origin, delta: delta, eta: eta, losses: losses, chosen: chosen).forEach(record) }
  }

  /// δ, then f at x, x + δ and x − δ (projected), then the move to the best.
  private func threePointStages(
    from x: Point, delta: Vector, eta: Double, losses: [Double], chosen: Int?
  ) -> [InspectionStage] {
    let taken = chosen.map { ["x + δ", "x − δ"][$0] } ?? "x (neither beat it)"
    return [
      InspectionStage(
        "direction", formula: "δ = η·ξ,  ξ ~ N(0, I)",
        values: [.number("η", eta), .vector("δ", delta)],
        overlays: [.segment(from: candidates[1], to: candidates[0], role: .candidate)]),
      InspectionStage(
        "compare", formula: "f(x), f(x + δ), f(x − δ)",
        values: [
          .number("f(x)", x.loss), .vector("x + δ", candidates[0]), .number("f(x + δ)", losses[0]),
          .vector("x − δ", candidates[1]), .number("f(x − δ)", losses[1]),
        ],
        overlays: [.marks(candidates, role: .candidate), .mark(at: x.position, role: .centre)]),
      InspectionStage(
        "move", formula: "x′ = the best of x, x + δ, x − δ (x on a tie)",
        values: [.fact("took", taken), .vector("x′", current.position), .number("f(x′)", current.loss)],
        overlays: [.arrow(from: x.position, to: current.position, role: .accepted)]),
    ]
  }

  public var particles: [Particle] {
    [Particle(position: current.position, loss: current.loss, velocity: lastMove, age: steps)]
  }

  /// Readouts: the last move's length ‖Δ‖ (0 when x stayed). Overlays: the
  /// segment x − δ … x + δ through x, its ends as candidates, the move
  /// taken as an accepted arrow.
  public func inspect() -> Inspection {
    var inspection = Inspection(readouts: [
      Readout("step", symbol: "‖Δ‖", value: lastMove.norm, logarithmic: true)
    ])
    if candidates.count == 2 {
      inspection.overlays.append(.segment(from: candidates[1], to: candidates[0], role: .candidate))
      inspection.overlays.append(.marks(candidates, role: .candidate))
    }
    if lastMove.squaredNorm > 0 {
      inspection.overlays.append(.arrow(from: current.position - lastMove, to: current.position, role: .accepted))
    }
    return inspection
  }
}
