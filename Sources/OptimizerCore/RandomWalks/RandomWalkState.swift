/// What the n-th order random walks (fixed, adaptive and convex order) share: the
/// point x with f(x), the committed vectors d[0…K−2] (d[0] the velocity,
/// d[1] the acceleration, …), the candidate rule and the ways to accept or
/// reject.
///
/// A candidate randomises only the top order and integrates downward:
/// c[K−1] = η·ξ, c[i] = d[i] + c[i+1] for i = K−2…0, y = x + c[0]. On
/// integer and boolean axes c[K−1] is a native move (`DiscreteMutation`), so
/// every c[i] is a whole number there and y stays on the lattice; committed
/// vectors keep no boolean component, since a flip has no direction to
/// carry on.
struct RandomWalkState: Sendable {
  /// One candidate with its stack c[0…K−1].
  struct Proposal: Sendable {
    /// c[0] (the move), c[1], …, c[K−1] (the random top order).
    var stack: [Vector]
    /// y = project(x + c[0]) and f(y).
    var candidate: Point
    /// x and f(x) when it was drawn.
    var origin: Point

    /// True when y beats x.
    var improves: Bool { candidate.loss < origin.loss }
  }

  /// The last decision, for the screen.
  struct Move: Sendable {
    var from: Vector
    var to: Vector
    var accepted: Bool
  }

  /// x and f(x), the loss NaN until evaluated.
  private var current: Point
  private var bestPoint: Point?
  /// d[0], d[1], …, d[K−2].
  private var committed: [Vector]
  /// The last step's candidates, in the order drawn.
  private var candidates: [Vector] = []
  private var lastMove: Move?
  private var steps = 0
  private let mutation: DiscreteMutation
  private let dimension: Int
  /// The top-order draws, smoothed per candidate slot with ρ.
  private var smoothing = DirectionSmoothing()

  /// A walk of order `order` at the best of `particles` (the leader), or
  /// at the domain's centre, with every committed vector zero.
  init(adopting particles: [Particle], order: Int, context: StepContext) {
    current = particles.startingPoint(on: context.domain)
    dimension = context.dimension
    committed = Array(repeating: .zeros(context.dimension), count: max(order - 1, 0))
    mutation = DiscreteMutation(domain: context.domain)
  }

  /// K: one more than the number of committed vectors.
  var order: Int { committed.count + 1 }

  /// Sets K: appends zero vectors on top, or drops the top ones.
  mutating func setOrder(_ order: Int) {
    let count = max(order - 1, 0)
    if count < committed.count { committed.removeLast(committed.count - count) }
    while committed.count < count { committed.append(.zeros(dimension)) }
  }

  /// Sets K as an adaptive walk changes it, reporting an `.orderChange`
  /// event at x when K actually changes.
  mutating func changeOrder(to order: Int, f: inout Evaluator) {
    guard order != self.order else { return }
    setOrder(order)
    f.note(StepEvent(.orderChange, at: current.position))
  }

  /// Starts a step: evaluates x when its loss is unknown (an adopted or
  /// freshly moved point) and forgets the last step's candidates.
  mutating func beginStep(_ f: inout Evaluator) {
    steps += 1
    candidates.removeAll(keepingCapacity: true)
    if current.loss.isNaN {
      current.loss = f.evaluate(&current.position)
      remember(current)
    }
  }

  /// The best of `count` candidates, each drawn as c[K−1] = η·ξ (native on
  /// discrete axes; on continuous ones smoothed with `rho` per candidate
  /// slot, `DirectionSmoothing`), c[i] = d[i] + c[i+1], y = project(x + c[0]) and
  /// evaluated, unless y is x itself (the orders cancelled on a lattice, or
  /// the box stopped the move), whose loss is known. Ties go to the first
  /// drawn.
  mutating func propose(
    step eta: Double, count: Int, rho: Double, f: inout Evaluator, rng: inout SeededGenerator
  ) -> Proposal {
    var best: Proposal?
    for slot in 0..<count {
      let top = smoothing.gaussianStep(
        from: current.position, scale: eta, slot: slot, rho: rho, mutation: mutation, rng: &rng)
      var stack = committed + [top]
      for i in committed.indices.reversed() { stack[i].add(stack[i + 1], scaledBy: 1) }
      var y = current.position
      y += stack[0]
      f.domain.project(&y)
      let loss = y == current.position ? current.loss : f.evaluate(&y)
      candidates.append(y)
      let proposal = Proposal(stack: stack, candidate: Point(position: y, loss: loss), origin: current)
      remember(proposal.candidate)
      if best == nil || proposal.candidate.isBetter(than: best!.candidate) { best = proposal }
    }
    return best!
  }

  /// Takes the candidate: x ← y, d[i] ← c[i] for i = 0…K−2.
  mutating func accept(_ proposal: Proposal, f: inout Evaluator) {
    f.note(StepEvent(.accept, at: proposal.candidate.position, from: proposal.origin.position))
    lastMove = Move(from: proposal.origin.position, to: proposal.candidate.position, accepted: true)
    current = proposal.candidate
    for i in committed.indices {
      committed[i] = proposal.stack[i]
      mutation.clearBooleanAxes(&committed[i])
    }
  }

  /// Refuses the candidate: x stays, and the refusal is reported.
  private mutating func reject(_ proposal: Proposal, f: inout Evaluator) {
    f.note(StepEvent(.reject, at: proposal.candidate.position, from: proposal.origin.position))
    lastMove = Move(from: proposal.origin.position, to: proposal.candidate.position, accepted: false)
  }

  /// Refuses the candidate and corrects: by the reverse-order correction
  /// under `reading` when one is given and K ≥ 2, else by `moveOpposite`
  /// when asked, else not at all.
  mutating func refuse(
    _ proposal: Proposal, moveOpposite: Bool, reverseOrderCorrection reading: CorrectionReading?,
    f: inout Evaluator
  ) {
    reject(proposal, f: &f)
    if let reading, !committed.isEmpty {
      switch reading {
      case .independent: correctInReverse(proposal)
      case .chained: correctChained(proposal)
      }
    } else if moveOpposite {
      self.moveOpposite(proposal, f: &f)
    }
  }

  /// `moveOpposite` after a rejection: pushes the top committed order away
  /// from the failed change, d[K−2] −= c[K−1]; for K = 1, where nothing is
  /// committed, steps to x − c[0] (evaluated there, taken whatever its loss).
  private mutating func moveOpposite(_ proposal: Proposal, f: inout Evaluator) {
    let top = proposal.stack.count - 1
    if top > 0 {
      committed[top - 1].add(proposal.stack[top], scaledBy: -1)
      mutation.clearBooleanAxes(&committed[top - 1])
    } else {
      var opposite = proposal.origin.position
      opposite.add(proposal.stack[0], scaledBy: -1)
      let loss = f.evaluate(&opposite)
      current = Point(position: opposite, loss: loss)
      remember(current)
    }
  }

  /// The reverse-order correction after a rejection: from the lowest order
  /// up, d[i] −= c[i] − d[i] for i = 0…K−2, every term from the values
  /// before the rejection (c[i] − d[i] is c[i+1], the change that reached
  /// order i), so that a correction at a high order does not propagate down.
  private mutating func correctInReverse(_ proposal: Proposal) {
    for i in committed.indices {
      // Order i's own change, taken before order i is touched.
      let change = proposal.stack[i] - committed[i]
      committed[i].add(change, scaledBy: -1)
      mutation.clearBooleanAxes(&committed[i])
    }
  }

  /// The chained reading of the correction: d[0] −= c[0] − d[0] first,
  /// then upward d[i] = d′[i−1] − d[i−1], each order the change its
  /// corrected lower order made, so that the stack keeps the relation an
  /// accepted move leaves.
  private mutating func correctChained(_ proposal: Proposal) {
    var previous = committed[0]
    committed[0].add(proposal.stack[0] - previous, scaledBy: -1)
    mutation.clearBooleanAxes(&committed[0])
    for i in committed.indices.dropFirst() {
      let before = committed[i]
      committed[i] = committed[i - 1] - previous
      mutation.clearBooleanAxes(&committed[i])
      previous = before
    }
  }

  /// The stack of `proposal` integrated down, as stages: the random top
  /// order, then each c[i] = d[i] + c[i+1] from the committed vectors
  /// `before` the step, then the candidate y against x.
  static func integrationStages(
    _ proposal: Proposal, committed before: [Vector], eta: Double, bestOf: Int
  ) -> [InspectionStage] {
    let x = proposal.origin.position
    let top = proposal.stack.count - 1
    let drawn = bestOf > 1 ? ", the best of \(bestOf) candidates" : ""
    var stages = [
      InspectionStage(
        "top order drawn", formula: "c[\(top)] = η·ξ,  ξ ~ N(0, I)\(drawn)",
        values: [.number("K", Double(top + 1)), .number("η", eta), .vector("c[\(top)]", proposal.stack[top])],
        overlays: [.arrow(from: x, to: x + proposal.stack[top], role: .candidate)])
    ]
    for i in before.indices.reversed() {
      stages.append(
        InspectionStage(
          "integrate order \(i)", formula: "c[\(i)] = d[\(i)] + c[\(i + 1)]",
          values: [.vector("d[\(i)]", before[i]), .vector("c[\(i + 1)]", proposal.stack[i + 1]), .vector("c[\(i)]", proposal.stack[i])],
          overlays: [
            .arrow(from: x, to: x + before[i], role: i == 0 ? .velocity : .momentum),
            .arrow(from: x, to: x + proposal.stack[i], role: .candidate),
          ]))
    }
    let y = proposal.candidate
    stages.append(
      InspectionStage(
        "candidate", formula: "y = project(x + c[0]); taken when f(y) < f(x)",
        values: [
          .vector("x", x), .number("f(x)", proposal.origin.loss), .vector("y", y.position), .number("f(y)", y.loss),
        ],
        overlays: [.arrow(from: x, to: y.position, role: .step), .marks([y.position], role: .candidate)]))
    return stages
  }

  /// d[0…K−2] as they stand.
  var committedVectors: [Vector] { committed }

  /// Keeps `point` if it is the best seen.
  private mutating func remember(_ point: Point) {
    if point.isBetter(than: bestPoint) { bestPoint = point }
  }

  /// The walk's one particle: x with d[0] as its velocity (zero for K = 1).
  var particle: Particle {
    Particle(
      position: current.position, loss: current.loss, velocity: committed.first ?? .zeros(dimension),
      personalBest: bestPoint, age: steps)
  }

  /// The best point seen, x included.
  var best: Point? { current.isBetter(than: bestPoint) ? current : bestPoint }

  /// The arrow stack drawn tip to tail from x: d[0] as the velocity, then
  /// d[1], d[2], … as momentum arrows, so that the stack ends at
  /// x + Σ d[i], where the next candidate is centred; then the last
  /// candidates and the last move, coloured accepted or rejected. The
  /// inspector lists d[0], d[1], ….
  func inspect(into inspection: inout Inspection) {
    var tail = current.position
    for (i, d) in committed.enumerated() {
      let head = tail + d
      inspection.overlays.append(.arrow(from: tail, to: head, role: i == 0 ? .velocity : .momentum))
      tail = head
    }
    if !candidates.isEmpty { inspection.overlays.append(.marks(candidates, role: .candidate)) }
    if let lastMove {
      inspection.overlays.append(
        .arrow(from: lastMove.from, to: lastMove.to, role: lastMove.accepted ? .accepted : .rejected))
    }
    for (i, d) in committed.enumerated() { inspection.vectors.append(NamedVector("d[\(i)]", d)) }
  }

  /// ‖d[0]‖, the speed of the walk (0 for K = 1).
  var speed: Double { committed.first?.norm ?? 0 }
}
