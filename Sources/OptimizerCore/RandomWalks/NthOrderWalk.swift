/// The n-th order random walk: a walk of fixed order K that randomises only
/// its top order and integrates downward.
///
/// It keeps K − 1 committed vectors d[0] (velocity), d[1] (acceleration), ….
/// Each step draws `bestOf` candidates c[K−1] = η·ξ, c[i] = d[i] + c[i+1],
/// y = x + c[0], and takes the best. If f(y) < f(x) it accepts: x ← y,
/// d[0…K−2] ← c[0…K−2]. Otherwise it rejects; with `moveOpposite` it pushes
/// the top committed order away from the failed change, d[K−2] −= c[K−1]
/// (for K = 1: it steps to x − c[0]). K = 1 is a plain random walk; K = 2
/// walks with a velocity that the random changes steer.
///
/// A change of `order` mid-run takes effect at the next step: committed
/// vectors are dropped from the top, or zero ones added on top.
///
/// `rho` smooths the direction of the top order's draw c[K−1] from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct NthOrderWalk: DescribedOptimizer, RecordedStep {
  public static let descriptor = OptimizerDescriptor(
    name: "nth-order-walk", family: .randomWalk,
    summary: "random walk of fixed order K: randomises the top order, integrates down to the move",
    specs: [
      RandomWalkSpecs.step,
      .integer(
        "order", symbol: "K", default: 1, range: 1...RandomWalkSpecs.largestOrder,
        help: "order of the walk: 1 moves randomly, 2 steers a velocity, 3 an acceleration, …"),
      RandomWalkSpecs.bestOf(default: 1),
      RandomWalkSpecs.moveOpposite,
      DirectionSmoothing.spec,
    ])

  public var hyperparameters: Hyperparameters
  private var walk: RandomWalkState

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    walk = RandomWalkState(adopting: particles, order: hyperparameters.integer("order"), context: context)
  }

  /// The step, taken apart (`RecordedStep`) as the order stack integrated down from the
  /// random top order, the candidate, the verdict.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let eta = hyperparameters["step"]
    let bestOf = hyperparameters.integer("bestOf")
    let moveOpposite = hyperparameters.flag("moveOpposite")
    walk.setOrder(hyperparameters.integer("order"))
    walk.beginStep(&f)

    let before = record == nil ? [] : walk.committedVectors
    let proposal = walk.propose(step: eta, count: bestOf, rho: hyperparameters["rho"], f: &f, rng: &rng)
    if proposal.improves {
      walk.accept(proposal, f: &f)
    } else {
      walk.refuse(proposal, moveOpposite: moveOpposite, reverseOrderCorrection: nil, f: &f)
    }
    if let record {
      let verdict = proposal.improves ? "accepted: x ← y, d[i] ← c[i]" : (moveOpposite ? "refused, then moved opposite" : "refused: x stays")
      let stages =
        RandomWalkState.integrationStages(proposal, committed: before, eta: eta, bestOf: bestOf) + [
          InspectionStage(
            proposal.improves ? "accept" : "reject", formula: verdict,
            values: [.vector("x′", walk.particle.position), .number("f(x′)", walk.particle.loss)]
              + walk.committedVectors.enumerated().map { .vector("d[\($0.offset)]", $0.element) })
        ]
      stages.forEach(record)
    }
  }

  public var particles: [Particle] { [walk.particle] }

  public var best: Point? { walk.best }

  /// Readouts: the order K (a gauge over its range) and the speed ‖d[0]‖.
  /// Overlays: the arrow stack d[0], d[1], … tip to tail from x, the
  /// candidates, the last move.
  public func inspect() -> Inspection {
    var inspection = Inspection(readouts: [
      RandomWalkSpecs.orderReadout(walk.order, top: RandomWalkSpecs.largestOrder),
      Readout("speed", symbol: "‖d₀‖", value: walk.speed, logarithmic: true),
    ])
    walk.inspect(into: &inspection)
    return inspection
  }
}
