import RealModule

/// Torchzero's swarm of optimizers, with gravity: N members, each running
/// its own descent (a gradient source, an update rule, guards), pulled
/// toward a common centre and culled when they lag.
///
/// Each step, before the inner step, every member is pulled toward the
/// centre c (the best member, or the members' mean):
/// x ← x − k·(x − c), with k = min(1, G·(‖x − c‖/w)^(p−1)), so p = 1 gives
/// exactly x ← x − G·(x − c) and the power p (on the distance measured in
/// domain widths) makes far members fall faster (p > 1) or slower (p < 1).
/// With `pullOn = gradients` the pull k·(x − c) is added to the member's
/// gradient estimate instead, and x moves only by its update rule (with SGD
/// that is a pull of η·k·(x − c)). A member whose position moved has its
/// loss evaluated again when its source needs it.
///
/// The members run the descent parts named by the kind, as for `descent`
/// (`--gradient`, `--update`, `--guard`; by default RandomGrad + SGD with
/// undo-on-increase, which on our bench suite converges on twice as many
/// functions as without the guard) and
/// share its settings (η, h, …), which are listed beside the swarm's own.
/// A member's loss is where it stands (members whose source leaves f(x)
/// unknown between steps, such as SPSA, are ranked by the best loss they
/// have seen). A member that has not been the best for `dieAfter` steps and
/// is older than `minAge` dies and respawns at a crossover of the two best
/// members' positions, keeping its inner state, or with `restore` the inner
/// optimizer's initial state (a fresh descent). New members are placed by
/// `init`.
public struct GravitySwarm: Optimizer {
  /// The swarm's own settings; the members' descent settings follow them.
  static let ownSpecs: [HyperparameterSpec] = [
    .integer("members", symbol: "N", default: 8, range: 1...1000, help: "how many optimizers the swarm runs").countingPoints,
    HyperparameterSpec(
      "gravity", symbol: "G", default: 0.05, range: 0...1,
      help: "pull toward the centre: each step x ← x − G·(x − centre)"),
    HyperparameterSpec(
      "power", symbol: "p", default: 1, range: 0.1...4, scale: .log,
      help: "power on the distance (in domain widths): above 1 far members fall faster"),
    .choice(
      "centre", options: Centre.allCases.map(\.rawValue), default: Centre.best.rawValue,
      help: "what pulls: the best member, or the members' mean"),
    .choice(
      "pullOn", options: Target.allCases.map(\.rawValue), default: Target.positions.rawValue,
      help: "move the members' positions, or add the pull to their gradients"),
    .integer(
      "dieAfter", symbol: "die", default: 10, range: 1...1_000_000,
      help: "steps without being the best after which a member dies"),
    .integer("minAge", symbol: "age", default: 3, range: 0...1_000_000, help: "steps a member lives before it can die"),
    Crossover.spec(default: .midpoint),
    .flag("restore", default: false, help: "respawned members start their optimizer afresh (off: keep its state)"),
    Initialization.spec,
    Initialization.mean,
    Initialization.deviation,
  ]

  /// The members' parts when the user names none.
  static let defaultParts = DescentParts(gradient: "randomgrad", update: "sgd", guards: ["undo"])

  /// The registry entry: the swarm's settings, then the named parts'.
  static let entry = OptimizerEntry(
    descriptor: OptimizerDescriptor(
      name: "gravity-swarm", family: .swarm,
      summary: "a swarm of descent optimizers pulled toward the best; laggards die and respawn",
      specs: ownSpecs + DescentComposition(checked: defaultParts).specs),
    defaultParts: defaultParts,
    specs: { (kind: OptimizerKind) throws(RegistryError) -> [HyperparameterSpec] in
      ownSpecs + (try DescentComposition(kind.parts ?? defaultParts).specs)
    },
    build: { kind, hyperparameters, particles, context, rng in
      GravitySwarm(
        parts: kind.parts ?? defaultParts, hyperparameters: hyperparameters, adopting: particles, context: context,
        rng: &rng)
    })

  /// What pulls the members.
  enum Centre: String, CaseIterable {
    case best, mean
  }

  /// What the pull acts on.
  enum Target: String, CaseIterable {
    case positions, gradients
  }

  /// One optimizer of the swarm with its standing.
  private struct Member: Sendable {
    var descent: DescentOptimizer
    /// Steps since the member was born or respawned.
    var age = 0
    /// Steps since the member was last the best.
    var stepsSinceBest = 0
    /// The last pull k·(x − c), for the gravity arrows.
    var pull: Vector
  }

  public let kind: OptimizerKind
  public var hyperparameters: Hyperparameters
  private let composition: DescentComposition
  private let context: StepContext
  private var members: [Member]
  /// The centre of the last pull; nil before the first.
  private var centre: Vector?
  /// The best point any member (living or dead) has seen.
  private var bestPoint: Point?
  private var deaths = 0
  private var steps = 0
  /// The deaths and births of the last `flashSteps` steps, for the map.
  private var flashes: [Flash] = []

  /// How many steps a death or a birth stays on the map, fading.
  static let flashSteps = 5

  /// Where members died and were reborn in one step.
  private struct Flash: Sendable {
    /// The step count after the step it happened in.
    var step: Int
    var deaths: [Vector] = []
    var births: [Vector] = []
  }

  init(
    parts: DescentParts, hyperparameters: Hyperparameters, adopting particles: [Particle], context: StepContext,
    rng: inout SeededGenerator
  ) {
    kind = OptimizerKind(name: Self.entry.name, parts: parts)
    self.hyperparameters = hyperparameters
    composition = DescentComposition(checked: parts)
    self.context = context
    let placed = Initialization(hyperparameters).positions(
      count: hyperparameters.integer("members"), adopting: particles, domain: context.domain, rng: &rng)
    members = []
    for (i, position) in placed.enumerated() {
      let known = i < particles.count && particles[i].position == position ? particles[i].loss : .nan
      members.append(newMember(at: Particle(position: position, loss: known)))
    }
  }

  /// A member with a fresh descent at `particle`.
  private func newMember(at particle: Particle) -> Member {
    var inner = Hyperparameters(composition.specs, domain: context.domain)
    inner.adopt(hyperparameters)
    let descent = DescentOptimizer(
      kind: OptimizerKind(name: "descent", parts: kind.parts), composition: composition,
      hyperparameters: inner, adopting: [particle], context: context)
    return Member(descent: descent, pull: .zeros(context.dimension))
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    advance(&f, rng: &rng, following: nil)
  }

  /// The next step on copies, following member `particle`: its pull, its
  /// descent's stages (estimate … move), then the death and respawn check.
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (self, f, rng)
    var stages: [InspectionStage] = []
    copy.advance(&f, rng: &rng, following: (particle, { stages.append($0) }))
    return stages
  }

  /// The step itself. `followed`, when given, names a member and is handed
  /// its stages (nil on every real step, which then builds none).
  private mutating func advance(
    _ f: inout Evaluator, rng: inout SeededGenerator,
    following followed: (index: Int, record: (InspectionStage) -> Void)?
  ) {
    let count = hyperparameters.integer("members")
    if count != members.count { resize(to: count, rng: &rng) }
    for i in members.indices { members[i].descent.hyperparameters.adopt(hyperparameters) }
    let traced = followed.flatMap { $0.index < members.count ? $0 : nil }
    let unpulled = traced.map { members[$0.index].descent.particles[0].position }

    pull(domain: f.domain)
    let onGradients = Target(rawValue: hyperparameters.choice("pullOn")) == .gradients
    if let traced, let unpulled { traced.record(pullStage(of: traced.index, from: unpulled, onGradients: onGradients)) }
    for i in members.indices {
      let offset = onGradients ? members[i].pull : nil
      members[i].descent.step(&f, rng: &rng, addingToGradient: offset, record: i == traced?.index ? traced?.record : nil)
      members[i].age += 1
      if let seen = members[i].descent.best, seen.isBetter(than: bestPoint) { bestPoint = seen }
    }
    let ranked = rankedIndices()
    for i in members.indices { members[i].stepsSinceBest = i == ranked[0] ? 0 : members[i].stepsSinceBest + 1 }
    steps += 1
    flashes.removeAll { steps - $0.step >= Self.flashSteps }
    let standing = traced.map { (members[$0.index].stepsSinceBest, members[$0.index].age, members[$0.index].descent.particles[0].position) }
    cull(ranked: ranked, f: &f, rng: &rng)
    if let traced, let standing {
      traced.record(
        deathStage(of: traced.index, stepsSinceBest: standing.0, age: standing.1, before: standing.2))
    }
  }

  /// Member `index`'s pull toward the centre, from where it stood.
  private func pullStage(of index: Int, from x: Vector, onGradients: Bool) -> InspectionStage {
    let member = members[index]
    let rule =
      onGradients
      ? "ĝ ← ĝ + k·(x − c),  k = min(1, G·(‖x − c‖/w)^(p−1)): the pull joins the estimate"
      : "x ← x − k·(x − c),  k = min(1, G·(‖x − c‖/w)^(p−1))"
    guard let centre else {
      return InspectionStage("pull", formula: rule, values: [.fact("member", "\(index + 1)"), .fact("c", "none yet: no loss known")])
    }
    return InspectionStage(
      "pull", formula: rule,
      values: [
        .fact("member", "\(index + 1) of \(members.count)"), .vector("c", centre), .number("G", hyperparameters["gravity"]),
        .number("p", hyperparameters["power"]), .vector("x", x), .vector("k·(x − c)", member.pull),
        .vector(onGradients ? "x (unmoved)" : "x pulled", member.descent.particles[0].position),
      ],
      overlays: [.mark(at: centre, role: .centre), .arrow(from: x, to: x - member.pull, role: .gravity)])
  }

  /// The check after the members' steps: member `index` dies when it has
  /// not been the best for `dieAfter` steps and is older than `minAge`,
  /// and is reborn at a crossover of the two best members.
  private func deathStage(of index: Int, stepsSinceBest: Int, age: Int, before: Vector) -> InspectionStage {
    let (dieAfter, minAge) = (hyperparameters.integer("dieAfter"), hyperparameters.integer("minAge"))
    let died = members.count > 1 && stepsSinceBest >= dieAfter && age > minAge
    let x = members[index].descent.particles[0].position
    return InspectionStage(
      "death check", formula: "dies when not the best for \(dieAfter) steps and older than \(minAge); reborn at a crossover of the two best",
      values: [
        .number("steps not best", Double(stepsSinceBest)), .number("age", Double(age)),
        .fact("verdict", died ? "died, reborn" : "lives"), .vector("x′", x),
      ],
      overlays: died ? [.marks([before], role: .death), .marks([x], role: .birth)] : [.mark(at: x, role: .centre)])
  }

  /// Computes the centre and each member's pull k·(x − c); with the pull
  /// on positions, moves the members. No pull before some loss is known.
  private mutating func pull(domain: Domain) {
    let ranked = rankedIndices()
    guard !score(of: members[ranked[0]]).isNaN else { return }
    let c: Vector
    switch Centre(rawValue: hyperparameters.choice("centre")) ?? .best {
    case .best:
      c = members[ranked[0]].descent.particles[0].position
    case .mean:
      var mean = Vector.zeros(context.dimension)
      for member in members { mean.add(member.descent.particles[0].position, scaledBy: 1 / Double(members.count)) }
      c = mean
    }
    centre = c
    let gravity = hyperparameters["gravity"]
    let power = hyperparameters["power"]
    let onPositions = Target(rawValue: hyperparameters.choice("pullOn")) == .positions
    for i in members.indices {
      let x = members[i].descent.particles[0].position
      let offset = x - c
      let distance = offset.norm
      guard distance > 0 else {
        members[i].pull = .zeros(context.dimension)
        continue
      }
      let factor = power == 1 ? gravity : min(1, gravity * Double.pow(distance / context.width, power - 1))
      members[i].pull = factor * offset
      if onPositions && factor > 0 { members[i].descent.relocate(to: x - members[i].pull, domain: domain) }
    }
  }

  /// Members that have not been best for `dieAfter` steps and are older
  /// than `minAge` respawn at a crossover of the two best positions.
  private mutating func cull(ranked: [Int], f: inout Evaluator, rng: inout SeededGenerator) {
    guard members.count > 1 else { return }
    let dieAfter = hyperparameters.integer("dieAfter")
    let minAge = hyperparameters.integer("minAge")
    let restore = hyperparameters.flag("restore")
    let crossover = Crossover(hyperparameters)
    let first = members[ranked[0]].descent.particles[0].position
    let second = members[ranked[1]].descent.particles[0].position
    var flash = Flash(step: steps)
    defer { if !flash.deaths.isEmpty { flashes.append(flash) } }
    for i in members.indices where members[i].stepsSinceBest >= dieAfter && members[i].age > minAge {
      let position = members[i].descent.particles[0].position
      f.note(StepEvent(.death, at: position))
      flash.deaths.append(position)
      let child = f.domain.projected(crossover.child(of: first, and: second, rng: &rng))
      if restore {
        members[i] = newMember(at: Particle(position: child))
      } else {
        members[i].descent.relocate(to: child, domain: f.domain)
        members[i].age = 0
        members[i].stepsSinceBest = 0
        members[i].pull = .zeros(context.dimension)
      }
      f.note(StepEvent(.respawn, at: child))
      flash.births.append(child)
      deaths += 1
    }
  }

  /// A member's loss where it stands, or the best it has seen when its
  /// source leaves f(x) unknown; NaN when nothing is known.
  private func score(of member: Member) -> Double {
    let here = member.descent.particles[0].loss
    return here.isNaN ? member.descent.best?.loss ?? .nan : here
  }

  /// Member indices from best to worst score (unknown last, ties by index).
  private func rankedIndices() -> [Int] {
    let scores = members.map(score(of:))
    return members.indices.sorted { a, b in
      let (sa, sb) = (scores[a], scores[b])
      if sa.isNaN != sb.isNaN { return sb.isNaN }
      return sa < sb || (!(sb < sa) && a < b)
    }
  }

  /// Grows the swarm with fresh members placed by `init` around the best
  /// member, or shrinks it to its best members (in their order).
  private mutating func resize(to count: Int, rng: inout SeededGenerator) {
    let ranked = rankedIndices()
    if count > members.count {
      let anchor = Particle(position: members[ranked[0]].descent.particles[0].position)
      // The anchor comes back first and is not a new member.
      let placed = Initialization(hyperparameters).positions(
        count: count - members.count + 1, adopting: [anchor], domain: context.domain, rng: &rng
      ).dropFirst()
      members += placed.map { newMember(at: Particle(position: $0)) }
    } else {
      members = ranked.prefix(count).sorted().map { members[$0] }
    }
  }

  /// Each member with its age.
  public var particles: [Particle] {
    members.map { member in
      var particle = member.descent.particles[0]
      particle.age = member.age
      return particle
    }
  }

  public var best: Point? { bestPoint }

  /// Readouts: the number of members, the deaths so far and the best loss.
  /// Overlays: the centre, each member's last pull as an arrow from where
  /// it stands toward the centre, the members' probe ensembles (with the
  /// ensemble source), and the deaths and births of the last `flashSteps`
  /// steps, fading with their age.
  public func inspect() -> Inspection {
    var inspection = Inspection(readouts: [
      Readout("members", symbol: "N", value: Double(members.count)),
      Readout("deaths", symbol: "†", value: Double(deaths)),
      Readout("best", symbol: "best", value: bestPoint?.loss ?? .nan),
    ])
    for member in members where member.pull.norm > 0 {
      let x = member.descent.particles[0].position
      inspection.overlays.append(.arrow(from: x, to: x - member.pull, role: .gravity))
    }
    // The members' probe ensembles (an ensemble gradient source draws its
    // probes), so that the swarm shows what each member measured.
    for member in members {
      inspection.overlays += member.descent.inspect().overlays.filter { $0.role == .ensemble }
    }
    for flash in flashes {
      let fade = Double(steps - flash.step) / Double(Self.flashSteps)
      inspection.overlays.append(.flash(flash.deaths, role: .death, fade: fade))
      inspection.overlays.append(.flash(flash.births, role: .birth, fade: fade))
    }
    if let centre {
      inspection.overlays.append(.mark(at: centre, role: .centre))
      inspection.vectors.append(NamedVector("centre", centre))
    }
    return inspection
  }
}
