import RealModule

/// Optimizer evolution *(design)*: a population of optimizers that breeds
/// and mutates the optimizers themselves, each member with its own
/// position, hyperparameters and state.
///
/// The members are drawn in turn from a pool of kinds: zeroth-order descents
/// of section 1 (RandomGrad + SGD + undo, SPSA + Adam, RandomGrad +
/// momentum, …, as many of the listed ones as the descent catalog offers
/// the parts of) interleaved
/// with every random walk of section 2 the registry holds. Any registered
/// configuration can be a member: a member is an `OptimizerConfiguration`
/// built through the registry. Every step, each member takes one step of
/// its own. Every G steps (a generation) the members are ranked by their
/// loss (where they stand; the best they have seen when their method
/// leaves that unknown), or by its improvement since the last generation,
/// and the worst k die. Each is replaced by a child of two parents drawn
/// from the better half of the survivors:
/// - kind: the better parent's;
/// - hyperparameters: the better parent's, each log-scale one (learning
///   rates, step and probe sizes, temperatures) mutated log-normally,
///   θ ← θ·exp(s·ξ) with s = `mutation` (0.2), clamped to its range; the
///   linear-scale ones (momenta, fractions) and discrete ones are inherited
///   as they are, because a multiplicative jolt means little for them;
/// - position: a crossover of the two parents' best points;
/// - state: with `inherit = initial` the parent's initial state, which for
///   these methods is a fresh optimizer of the same configuration at the
///   child's position; with `inherit = swap`, swapped component-wise
///   between the parents: the better parent's descent with the other
///   parent's update-rule state (velocity, moments) when both use the same
///   rule, moved to the child's position. Members that are not descents
///   have no separable state, so `swap` gives them the initial state. The
///   inspector says which: "update state of #4", or "fresh state".
///
/// `inherit = restore` is the design notes' literal "save the initial state
/// of all optimizers and set it whenever an optimizer dies": every member's
/// optimizer is saved as it was when founded or born, and a dying member is
/// set back to that snapshot (its kind, hyperparameters, position and
/// state), in place of a child; it keeps its number and family line, and
/// the inspector counts its restorations ("restored ×2").
///
/// Every death and birth is a `.death` and a `.respawn` event. Each member's
/// particle is tagged with its kind and learning rate (or main step size);
/// the inspector lists the family line of each member (its number, kind,
/// generation and parents).
public struct OptimizerEvolution: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "optimizer-evolution", family: .evolution,
    summary: "a population of descents and walks; every G steps the worst die and good ones breed mutated children",
    specs: [
      .integer("members", symbol: "N", default: 8, range: 3...1000, help: "how many optimizers the population runs").countingPoints,
      .integer("generationSteps", symbol: "G", default: 20, range: 1...1_000_000, help: "steps between generations"),
      .integer("replace", symbol: "k", default: 2, range: 1...998, help: "members replaced each generation"),
      .choice(
        "rankBy", options: Ranking.allCases.map(\.rawValue), default: Ranking.loss.rawValue,
        help: "rank members by their loss, or by its improvement since the last generation"),
      HyperparameterSpec(
        "mutation", symbol: "s", default: 0.2, range: 0...2,
        help: "log-normal mutation of a child's hyperparameters: θ·exp(s·ξ)"),
      Crossover.spec(default: .uniform),
      .choice(
        "inherit", options: Inheritance.allCases.map(\.rawValue), default: Inheritance.initial.rawValue,
        help: "a child's state: its parent's initial state, swapped between its parents, or restore the dying member's saved start"),
      Initialization.spec,
      Initialization.mean,
      Initialization.deviation,
    ])

  /// The descents the pool offers, in order, where the descent catalog has
  /// their parts.
  static let descentCandidates: [DescentParts] = [
    DescentParts(gradient: "randomgrad", update: "sgd", guards: ["undo"]),
    DescentParts(gradient: "spsa", update: "adam"),
    DescentParts(gradient: "randomgrad", update: "momentum"),
    DescentParts(gradient: "randombestgrad", update: "sgd"),
    DescentParts(gradient: "rdsa", update: "adam"),
    DescentParts(gradient: "gaussian-smoothing", update: "momentum"),
    DescentParts(gradient: "spsa", update: "sgd", guards: ["undo"]),
    DescentParts(gradient: "fd", update: "adam"),
  ]

  /// How members are ranked at a generation.
  enum Ranking: String, CaseIterable {
    case loss, improvement
  }

  /// What state a child starts with; `restore` sets a dying member back to
  /// its own saved initial snapshot instead of breeding a child.
  enum Inheritance: String, CaseIterable {
    case initial, swap, restore
  }

  /// One optimizer of the population with its family line.
  private struct Member: Sendable {
    var optimizer: any Optimizer
    /// The optimizer as it was when the member was founded or born, which
    /// `inherit = restore` sets back on its death.
    var initial: any Optimizer
    /// Where its state came from, for the inspector: "update state of #4",
    /// "fresh state", "restored ×2"; empty for a founder or a plain child.
    var stateOrigin = ""
    /// How often it has been set back to `initial`.
    var restorations = 0
    /// The member's number, unique over the run.
    var id: Int
    /// The numbers of its parents (none for the founders).
    var parents: [Int]
    /// The generation it was born in (0 for the founders).
    var generation: Int
    /// The step it was born at.
    var birthStep: Int
    /// Its score at the last generation, for ranking by improvement.
    var scoreAtLastGeneration: Double
  }

  public var hyperparameters: Hyperparameters
  private let context: StepContext
  /// The kinds members are drawn from, in turn.
  private let pool: [OptimizerKind]
  private var members: [Member]
  private var bestPoint: Point?
  private var nextID = 0
  private var generation = 0
  private var births = 0
  private var deaths = 0
  /// The children of the last generation, for the offspring marks.
  private var lastChildren: [Vector] = []
  private var steps = 0

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    self.context = context
    pool = Self.pool()
    let placed = Initialization(hyperparameters).positions(
      count: hyperparameters.integer("members"), adopting: particles, domain: context.domain, rng: &rng)
    members = []
    for (i, position) in placed.enumerated() {
      let known = i < particles.count && particles[i].position == position ? particles[i].loss : .nan
      members.append(founder(at: Particle(position: position, loss: known), rng: &rng))
    }
  }

  /// The pool: the available descent pairs interleaved with the registry's
  /// random walks.
  static func pool() -> [OptimizerKind] {
    let descents = descentCandidates.filter { parts in
      DescentParts.gradientNames.contains(parts.gradient) && DescentParts.updateNames.contains(parts.update)
        && parts.guards.allSatisfy(DescentParts.guardNames.contains)
    }.map { OptimizerKind(name: "descent", parts: $0) }
    let walks = OptimizerRegistry.entries.filter { $0.descriptor.family == .randomWalk }.map {
      OptimizerKind(name: $0.name)
    }
    var kinds: [OptimizerKind] = []
    for i in 0..<max(descents.count, walks.count) {
      if i < descents.count { kinds.append(descents[i]) }
      if i < walks.count { kinds.append(walks[i]) }
    }
    return kinds
  }

  /// A founding member: the next kind of the pool with its defaults.
  private mutating func founder(at particle: Particle, rng: inout SeededGenerator) -> Member {
    let kind = pool[nextID % pool.count]
    let optimizer = build(OptimizerConfiguration(kind: kind), at: particle, rng: &rng)
    defer { nextID += 1 }
    return Member(
      optimizer: optimizer, initial: optimizer, id: nextID, parents: [], generation: generation, birthStep: steps,
      scoreAtLastGeneration: .nan)
  }

  /// The configured optimizer started at `particle`. The configurations
  /// come from registered kinds and values kept in range, so the registry
  /// cannot refuse them.
  private func build(
    _ configuration: OptimizerConfiguration, at particle: Particle, rng: inout SeededGenerator
  ) -> any Optimizer {
    do {
      return try OptimizerRegistry.make(configuration, adopting: [particle], context: context, rng: &rng)
    } catch {
      preconditionFailure("a member's configuration was built from the registry: \(error)")
    }
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let count = hyperparameters.integer("members")
    if count != members.count { resize(to: count, rng: &rng) }
    for i in members.indices {
      members[i].optimizer.step(&f, rng: &rng)
      if let seen = members[i].optimizer.best, seen.isBetter(than: bestPoint) { bestPoint = seen }
    }
    steps += 1
    if steps % hyperparameters.integer("generationSteps") == 0 { breed(f: &f, rng: &rng) }
  }

  /// One generation: the worst k die, each replaced by a child of two
  /// parents from the better half of the survivors.
  private mutating func breed(f: inout Evaluator, rng: inout SeededGenerator) {
    generation += 1
    let ranked = rankedIndices(by: Ranking(rawValue: hyperparameters.choice("rankBy")) ?? .loss)
    let k = min(hyperparameters.integer("replace"), members.count - 2)
    let dying = Array(ranked.suffix(k))
    let survivors = ranked.prefix(members.count - k)
    let breeders = Array(survivors.prefix(max(2, (survivors.count + 1) / 2)))
    let crossover = Crossover(hyperparameters)
    let inheritance = Inheritance(rawValue: hyperparameters.choice("inherit")) ?? .initial
    let swap = inheritance == .swap
    let mutation = hyperparameters["mutation"]
    lastChildren = []
    var children: [(index: Int, member: Member)] = []
    if inheritance == .restore {
      for index in dying { restore(index, f: &f) }
      births += dying.count
      deaths += dying.count
      for i in members.indices { members[i].scoreAtLastGeneration = Self.score(of: members[i]) }
      return
    }
    for index in dying {
      // Two distinct breeders; the better-ranked one is the first parent.
      let a = rng.integer(below: breeders.count)
      var b = rng.integer(below: breeders.count - 1)
      if b >= a { b += 1 }
      let (first, second) = (members[breeders[min(a, b)]], members[breeders[max(a, b)]])
      let position = f.domain.projected(
        crossover.child(of: Self.bestPosition(of: first), and: Self.bestPosition(of: second), rng: &rng))
      var settings = first.optimizer.hyperparameters
      Self.mutate(&settings, by: mutation, rng: &rng)
      var optimizer: any Optimizer
      var stateOrigin = ""
      if swap, var descent = first.optimizer as? DescentOptimizer, let other = second.optimizer as? DescentOptimizer {
        stateOrigin = descent.takeUpdateState(from: other) ? "update state of #\(second.id)" : "state of #\(first.id)"
        descent.relocate(to: position, domain: f.domain)
        descent.hyperparameters = settings
        optimizer = descent
      } else {
        if swap { stateOrigin = "fresh state" }
        let configuration = OptimizerConfiguration(
          kind: first.optimizer.kind, settings: zip(settings.names, settings.values).map { ($0, $1) })
        optimizer = build(configuration, at: Particle(position: position), rng: &rng)
      }
      f.note(StepEvent(.death, at: Self.position(of: members[index])))
      f.note(StepEvent(.respawn, at: position))
      children.append(
        (
          index,
          Member(
            optimizer: optimizer, initial: optimizer, stateOrigin: stateOrigin, id: nextID,
            parents: [first.id, second.id], generation: generation, birthStep: steps, scoreAtLastGeneration: .nan)
        ))
      nextID += 1
      lastChildren.append(position)
    }
    for child in children { members[child.index] = child.member }
    births += children.count
    deaths += children.count
    for i in members.indices { members[i].scoreAtLastGeneration = Self.score(of: members[i]) }
  }

  /// Sets member `index` back to its saved initial snapshot (`restore`),
  /// with a death where it stood and a respawn where the snapshot starts.
  private mutating func restore(_ index: Int, f: inout Evaluator) {
    f.note(StepEvent(.death, at: Self.position(of: members[index])))
    members[index].optimizer = members[index].initial
    members[index].restorations += 1
    members[index].stateOrigin = "restored ×\(members[index].restorations)"
    members[index].birthStep = steps
    let start = Self.position(of: members[index])
    f.note(StepEvent(.respawn, at: start))
    lastChildren.append(start)
  }

  /// θ ← θ·exp(s·ξ), clamped to the range, for every log-scale real value.
  static func mutate(_ settings: inout Hyperparameters, by strength: Double, rng: inout SeededGenerator) {
    for spec in settings.specs where spec.kind == .real && spec.scale == .log {
      let mutated = settings[spec.name] * Double.exp(strength * rng.normal())
      let clamped = min(max(mutated, spec.range.lowerBound), spec.range.upperBound)
      do { try settings.set(spec.name, to: clamped) } catch {
        preconditionFailure("a clamped value is legal: \(error)")
      }
    }
  }

  /// A member's loss where it stands, or the best it has seen when its
  /// method leaves that unknown; +∞ when nothing is known.
  private static func score(of member: Member) -> Double {
    let here = member.optimizer.particles.leader?.loss ?? .nan
    if !here.isNaN { return here }
    return member.optimizer.best?.loss ?? .infinity
  }

  /// Member indices from best to worst, ties to the lower index. By
  /// improvement, a member born since the last generation ranks by its loss
  /// change since birth, unknown counting as no change.
  private func rankedIndices(by ranking: Ranking) -> [Int] {
    let keys = members.map { member -> Double in
      let score = Self.score(of: member)
      switch ranking {
      case .loss: return score
      case .improvement:
        let change = score - member.scoreAtLastGeneration
        return change.isNaN ? 0 : change
      }
    }
    return members.indices.sorted { keys[$0] < keys[$1] || (!(keys[$1] < keys[$0]) && $0 < $1) }
  }

  private static func position(of member: Member) -> Vector {
    member.optimizer.particles.leader?.position ?? member.optimizer.particles[0].position
  }

  private static func bestPosition(of member: Member) -> Vector {
    member.optimizer.best?.position ?? position(of: member)
  }

  /// Grows the population with founders of the next kinds, placed by
  /// `init` around the best member, or shrinks it to its best members.
  private mutating func resize(to count: Int, rng: inout SeededGenerator) {
    let ranked = rankedIndices(by: .loss)
    if count > members.count {
      let anchor = Particle(position: Self.position(of: members[ranked[0]]))
      // The anchor comes back first and is not a new member.
      let placed = Initialization(hyperparameters).positions(
        count: count - members.count + 1, adopting: [anchor], domain: context.domain, rng: &rng
      ).dropFirst()
      for position in placed { members.append(founder(at: Particle(position: position), rng: &rng)) }
    } else {
      members = ranked.prefix(count).sorted().map { members[$0] }
    }
  }

  /// A member's label: its descent parts joined by "+", or its name.
  private static func label(of member: Member) -> String {
    let kind = member.optimizer.kind
    return kind.parts.map { ([$0.gradient, $0.update] + $0.guards).joined(separator: "+") } ?? kind.name
  }

  /// The member's learning rate, or its first log-scale setting (a walk's
  /// step size), as "η=0.1".
  private static func featuredSetting(of member: Member, significantDigits: Int) -> String? {
    let settings = member.optimizer.hyperparameters
    guard
      let spec = settings.spec(named: "lr")
        ?? settings.specs.first(where: { $0.kind == .real && $0.scale == .log })
    else { return nil }
    return "\(spec.symbol)=\(formatNumber(settings[spec.name], significantDigits: significantDigits))"
  }

  /// Each member where it stands, tagged with its kind and learning rate.
  public var particles: [Particle] {
    members.map { member in
      var particle = member.optimizer.particles.leader ?? member.optimizer.particles[0]
      particle.age = steps - member.birthStep
      let setting = Self.featuredSetting(of: member, significantDigits: 3)
      particle.tag = ([Self.label(of: member)] + (setting.map { [$0] } ?? [])).joined(separator: " ")
      return particle
    }
  }

  public var best: Point? { bestPoint }

  /// Readouts: the generation, the members, births and deaths so far, the
  /// best loss. Overlays: the last generation's children. Inspector: each
  /// member's family line, "#7 spsa+adam η=0.104218 gen 2 ← #1 × #4" (the
  /// first parent is the better one), with its position; under `swap` and
  /// `restore` the state's origin before the arrow, "gen 2, update state
  /// of #4 ← #1 × #4" or "gen 0, restored ×1 ← founder".
  public func inspect() -> Inspection {
    Inspection(
      readouts: [
        Readout("generation", symbol: "gen", value: Double(generation)),
        Readout("members", symbol: "N", value: Double(members.count)),
        Readout("births", value: Double(births)),
        Readout("deaths", symbol: "†", value: Double(deaths)),
        Readout("best", symbol: "f*", value: bestPoint?.loss ?? .nan),
      ],
      overlays: lastChildren.isEmpty ? [] : [.marks(lastChildren, role: .offspring)],
      vectors: members.map { member in
        let parents = member.parents.isEmpty ? "founder" : member.parents.map { "#\($0)" }.joined(separator: " × ")
        let setting = Self.featuredSetting(of: member, significantDigits: 6).map { " \($0)" } ?? ""
        let origin = member.stateOrigin.isEmpty ? "" : ", \(member.stateOrigin)"
        let name = "#\(member.id) \(Self.label(of: member))\(setting) gen \(member.generation)\(origin) ← \(parents)"
        return NamedVector(name, Self.position(of: member))
      })
  }
}
