/// A single-point descent built from parts: one
/// gradient source, one update rule and any number of step guards, chained
/// like optax's or torchzero's transformations.
///
/// One step: ĝ = source.estimate(x); Δ = rule.move(ĝ); the guards review
/// x → project(x + Δ) in order; the descent goes where they leave it. Any
/// combination is legal: `spsa + adam + undo` as well as `analytic + sgd`.
/// The hyperparameters are the parts' specs merged (names are unique across
/// parts), read at the top of every step. A non-finite component of ĝ (a
/// probe where f is undefined) counts as 0, so one bad probe cannot poison
/// a velocity or a moment for the rest of the run.
///
/// f(x) is evaluated on the first step when the adopted point's loss is
/// unknown, and after that only by the parts that need it: a source that
/// tracks the loss has each new point evaluated once, right after the move;
/// a guard evaluates what it judges. So SPSA + SGD costs exactly its two
/// probes per step, and the particle's loss is NaN (unknown) between steps.
/// A source with lookahead probes where the rule's move would land; when
/// the move lands there, that probe's loss is reused, not evaluated again.
///
/// On a domain with integer or boolean axes the rule moves a continuous
/// shadow x̃ and the descent stands at its rounding, with flips on boolean
/// axes (`LatticeShadow`); on a continuous domain x moves itself.
public struct DescentOptimizer: Optimizer {
  public let kind: OptimizerKind
  public var hyperparameters: Hyperparameters

  private var source: any GradientSource
  private var rule: any UpdateRule
  private var guards: [any StepGuard]
  private let tracksLoss: Bool

  /// x and f(x), the loss NaN when unknown.
  private var current: Point
  /// x̃, on a domain with integer or boolean axes; nil on a continuous one.
  private var shadow: LatticeShadow?
  /// The best point whose loss this descent has seen.
  private var bestSeen: Point?
  /// The last ĝ and the last move taken (zero when it stayed).
  private var gradient: Vector
  private var lastMove: Vector
  private var steps = 0

  /// A descent of `kind`'s parts starting at the best of `particles` (the
  /// leader), or at the domain's centre when there is none.
  init(
    kind: OptimizerKind, composition: DescentComposition, hyperparameters: Hyperparameters,
    adopting particles: [Particle], context: StepContext
  ) {
    self.kind = kind
    self.hyperparameters = hyperparameters
    (source, rule, guards) = composition.makeParts(context: context)
    tracksLoss = composition.source.tracksLoss
    current = particles.startingPoint(on: context.domain)
    shadow = context.domain.isContinuous ? nil : LatticeShadow(at: current.position)
    gradient = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    step(&f, rng: &rng, addingToGradient: nil)
  }

  /// One step with `offset` added to ĝ before the update rule sees it: the
  /// hook of the gravity swarm's gravity on gradients. `record`, when
  /// given, is handed each stage (the swarm's member taken apart).
  mutating func step(
    _ f: inout Evaluator, rng: inout SeededGenerator, addingToGradient offset: Vector?,
    record: ((InspectionStage) -> Void)? = nil
  ) {
    advance(&f, rng: &rng, addingToGradient: offset, record: record)
  }

  /// The next step on copies, recorded: estimate (with its probes), the
  /// update rule's stages (momentum blend, Adam scaling …), each guard,
  /// then the move.
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (self, f, rng)
    var stages: [InspectionStage] = []
    copy.advance(&f, rng: &rng, addingToGradient: nil) { stages.append($0) }
    return stages
  }

  /// The step itself; `record`, when given, is handed each stage as it is
  /// done (nil on every real step, which then builds no stage at all).
  private mutating func advance(
    _ f: inout Evaluator, rng: inout SeededGenerator, addingToGradient offset: Vector?,
    record: ((InspectionStage) -> Void)?
  ) {
    let recordBefore = f.best
    if current.loss.isNaN && (steps == 0 || tracksLoss) { current.loss = f.evaluate(&current.position) }
    steps += 1
    let state = DescentState(
      point: current, hyperparameters: hyperparameters, best: best,
      perturbationExponent: type(of: rule).perturbationExponent(in: hyperparameters))

    let probesBefore = f.probes.count
    gradient = source.estimate(in: state.previewing(rule), f: &f, rng: &rng)
    for i in 0..<gradient.dimension where !gradient[i].isFinite { gradient[i] = 0 }
    if let offset { gradient.add(offset, scaledBy: 1) }
    if let record {
      record(estimateStage(at: current, probes: f.probes.points.dropFirst(probesBefore)))
      for stage in rule.stages(for: gradient, in: state) { record(stage) }
    }
    let displacement = rule.move(for: gradient, in: state)
    var move: ProposedMove
    var proposal: LatticeShadow.Proposal?
    if let shadow {
      let proposed = shadow.propose(
        displacement, gradient: gradient, learningRate: hyperparameters[LearningRate.name],
        flipScale: hyperparameters.spec(named: LatticeShadow.flipScale.name).map { hyperparameters[$0.name] }
          ?? LatticeShadow.flipScale.defaultValue, domain: f.domain, rng: &rng)
      move = ProposedMove(from: current, to: proposed.target)
      proposal = proposed
    } else {
      move = ProposedMove(from: current, by: displacement, domain: f.domain)
    }
    if let known = source.evaluatedTarget { move.reuse(known) }
    for index in guards.indices {
      let proposed = move.target
      guards[index].review(&move, in: state, f: &f, rng: &rng)
      if let record { record(Self.guardStage(type(of: guards[index]), proposed: proposed, reviewed: move)) }
    }
    if guards.isEmpty, let record {
      record(InspectionStage("guard", formula: "no step guard: the proposed move is taken", values: [.vector("x + Δ", move.target)]))
    }
    if let proposal { shadow?.settle(proposal, outcome: move.target, origin: move.origin.position) }

    if move.isStay {
      lastMove = .zeros(f.dimension)
      current = move.origin
    } else {
      f.note(StepEvent(.accept, at: move.target, from: move.origin.position))
      lastMove = move.displacement
      current = move.outcome
      if tracksLoss && current.loss.isNaN { current.loss = f.evaluate(&current.position) }
    }
    if let record { record(moveStage(from: move.origin.position)) }
    remember(current)
    // Any point this step evaluated that became the run's record is a point
    // this descent has seen (SPSA's probes, a guard's candidates).
    if let record = f.best, record.isBetter(than: recordBefore) { remember(record) }
  }

  /// ĝ at x from the source's probes (up to four listed with their losses).
  private func estimateStage(at point: Point, probes: ArraySlice<Point>) -> InspectionStage {
    let x = point.position
    var values: [StageValue] = [.vector("x", x)]
    if !point.loss.isNaN { values.append(.number("f(x)", point.loss)) }
    for (k, probe) in probes.prefix(4).enumerated() {
      values += [.vector("p\(k + 1)", probe.position), .number("f(p\(k + 1))", probe.loss)]
    }
    if probes.count > 4 { values.append(.fact("probes", "\(probes.count) in all")) }
    values.append(.vector("ĝ", gradient))
    var overlays: [Overlay] = []
    if !probes.isEmpty { overlays.append(.marks(probes.map(\.position), role: .candidate)) }
    if gradient.norm > 0 { overlays.append(.arrow(from: x, to: x - gradient, role: .estimate)) }
    return InspectionStage(
      "estimate", formula: "ĝ by \(type(of: source).name): \(type(of: source).summary)", values: values, overlays: overlays)
  }

  /// What one guard did to the move it was handed.
  private static func guardStage(
    _ part: any StepGuard.Type, proposed: Vector, reviewed move: ProposedMove
  ) -> InspectionStage {
    var values: [StageValue] = [.vector("proposed", proposed)]
    let outcome: String
    if move.target == proposed {
      outcome = "kept"
    } else if move.isStay {
      outcome = "cancelled: x stays"
    } else {
      outcome = "sent elsewhere"
      values.append(.vector("now", move.target))
    }
    if !move.loss.isNaN { values.append(.number("f", move.loss)) }
    values.append(.fact("verdict", outcome))
    return InspectionStage(
      "guard: \(part.name)", formula: part.summary, values: values,
      overlays: [.marks([proposed], role: move.target == proposed ? .candidate : .rejected)])
  }

  /// x ← project(x + Δ), where the step lands.
  private func moveStage(from origin: Vector) -> InspectionStage {
    var values: [StageValue] = [.vector("x", origin), .vector("Δ", lastMove), .vector("x′", current.position)]
    values.append(current.loss.isNaN ? .fact("f(x′)", "not evaluated (no part needs it)") : .number("f(x′)", current.loss))
    return InspectionStage(
      "move", formula: "x′ = project(x + Δ) onto the domain", values: values,
      overlays: lastMove.norm > 0 ? [.arrow(from: origin, to: current.position, role: .step)] : [])
  }

  private mutating func remember(_ point: Point) {
    if point.isBetter(than: bestSeen) { bestSeen = point }
  }

  public var particles: [Particle] {
    [
      Particle(
        position: current.position, loss: current.loss, velocity: lastMove, personalBest: bestSeen,
        age: steps)
    ]
  }

  public var best: Point? { current.isBetter(than: bestSeen) ? current : bestSeen }

  /// Readouts: η, the last step's length ‖Δ‖ and ‖ĝ‖, then the parts' own.
  /// Overlays, all at their true length from x: the estimated downhill −ĝ,
  /// the parts' own (velocity, moments, rejected moves), then on top the
  /// last step Δ (for SGD −η·ĝ), drawn again from where it led.
  public func inspect() -> Inspection {
    let x = current.position
    let gradientNorm = gradient.norm
    var inspection = Inspection(
      readouts: [
        Readout("learning-rate", symbol: "η", value: hyperparameters[LearningRate.name], logarithmic: true),
        Readout("step", symbol: "‖Δ‖", value: lastMove.norm, logarithmic: true),
        Readout("gradient", symbol: "‖ĝ‖", value: gradientNorm, logarithmic: true),
      ],
      vectors: [NamedVector("ĝ", gradient), NamedVector("Δ", lastMove)])
    if gradientNorm > 0 { inspection.overlays.append(.arrow(from: x, to: x - gradient, role: .estimate)) }
    source.inspect(into: &inspection, at: x)
    rule.inspect(into: &inspection, at: x)
    for part in guards { part.inspect(into: &inspection) }
    if lastMove.norm > 0 { inspection.overlays.append(.arrow(from: x, to: x + lastMove, role: .step)) }
    return inspection
  }
}

extension DescentOptimizer {
  /// Moves the descent to `position` (projected onto `domain`), its loss
  /// unknown, keeping every part's state: how a population moves a member
  /// (the gravity swarm's pull, a respawn). A source that tracks the loss
  /// has the new point evaluated at the next step.
  mutating func relocate(to position: Vector, domain: Domain) {
    current = Point(position: domain.projected(position), loss: .nan)
    if shadow != nil { shadow = LatticeShadow(at: current.position) }
  }

  /// Takes `other`'s update-rule state (velocity, moments) in place of its
  /// own when both run the same rule; false, and nothing changed, otherwise.
  mutating func takeUpdateState(from other: DescentOptimizer) -> Bool {
    guard kind.parts?.update == other.kind.parts?.update else { return false }
    rule = other.rule
    return true
  }
}

extension DescentOptimizer {
  /// The registry entry of a descent preset: `defaultParts` unless the user
  /// names parts of their own. It keeps a square matrix when its default
  /// parts do. `defaults` replaces some of the parts' defaults (in the
  /// parts' own units) while the preset runs its own parts: the preset's
  /// tuning, which the same parts named in `descent` do not get.
  static func entry(
    name: String, summary: String, defaultParts: DescentParts, defaults: [String: Double] = [:]
  ) -> OptimizerEntry {
    @Sendable func tuned(_ specs: [HyperparameterSpec]) -> [HyperparameterSpec] {
      specs.map { spec in
        guard let value = defaults[spec.name] else { return spec }
        precondition(spec.range.contains(value), "\(name)'s default \(spec.name) lies outside its range")
        var tuned = spec
        tuned.defaultValue = value
        return tuned
      }
    }
    let composition = DescentComposition(checked: defaultParts)
    return OptimizerEntry(
      descriptor: OptimizerDescriptor(
        name: name, family: .descent, keepsSquareMatrix: composition.keepsSquareMatrix, summary: summary,
        specs: tuned(composition.specs)),
      defaultParts: defaultParts,
      specs: { (kind: OptimizerKind) throws(RegistryError) -> [HyperparameterSpec] in
        let parts = kind.parts ?? defaultParts
        let specs = try DescentComposition(parts).specs
        return parts == defaultParts ? tuned(specs) : specs
      },
      build: { kind, hyperparameters, particles, context, _ in
        let parts = kind.parts ?? defaultParts
        return DescentOptimizer(
          kind: OptimizerKind(name: kind.name, parts: parts), composition: DescentComposition(checked: parts),
          hyperparameters: hyperparameters, adopting: particles, context: context)
      })
  }
}
