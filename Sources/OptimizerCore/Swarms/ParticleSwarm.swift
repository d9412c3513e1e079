import RealModule

/// Particle swarm optimization (Kennedy and Eberhart, with Clerc's
/// constriction defaults): v ← ω·v + c₁·r₁ ⊙ (p − x) + c₂·r₂ ⊙ (g − x),
/// x ← x + v, with r₁, r₂ ~ U(0, 1) drawn per coordinate, p the particle's
/// personal best and g the best personal best of its neighbourhood.
///
/// The neighbourhood is the whole swarm (`global`) or the particle and its
/// two neighbours by index (`ring`), which spreads information slower and
/// explores longer. g is updated as soon as a particle improves on it
/// (asynchronous update). `vmax` > 0 clamps each velocity component to
/// [−vmax, vmax]. Velocities start at zero; members the optimizer did not
/// adopt are placed by `init`.
///
/// Variant EMPSO (AdaSwarm's exponentially averaged momentum, Mohapatra et
/// al., arXiv 2006.09875): the inertia term ω·v is replaced by a moving
/// average of the velocity, M ← β·M + (1 − β)·v, so
/// v ← M + c₁·r₁ ⊙ (p − x) + c₂·r₂ ⊙ (g − x). Everything else is shared:
/// one swarm type serves both registry names, and only the inertia term of
/// the velocity rule differs (`Inertia`).
///
/// On integer axes a particle keeps a continuous position and velocity and
/// is evaluated at the rounded position; on boolean axes the swarm is
/// Kennedy and Eberhart's binary PSO (1997): the velocity is updated as
/// above, clamped to ±4, and the bit is 1 with probability 1/(1 + e^(−vᵢ))
/// (docs/OPTIMIZERS.md, "Discrete moves").
///
/// The swarm is stored as structure-of-arrays, mutated in place: a step on
/// a continuous domain allocates nothing, so the evaluator's speed is the
/// limit.
public struct ParticleSwarm: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "pso", family: .swarm,
    summary: "particle swarm: velocities pulled toward personal and neighbourhood bests",
    specs: specs(inertia: .weight))

  /// EMPSO's face: the same swarm with β in place of ω.
  static let averagedDescriptor = OptimizerDescriptor(
    name: "empso", family: .swarm,
    summary: "particle swarm whose inertia is an exponential moving average of the velocity (AdaSwarm)",
    specs: specs(inertia: .average))

  /// EMPSO's registry entry.
  static let averagedEntry = OptimizerEntry.described(averagedDescriptor) { hyperparameters, particles, context, rng in
    ParticleSwarm(inertia: .average, adopting: particles, hyperparameters: hyperparameters, context: context, rng: &rng)
  }

  /// The settings of either variant. They differ in the inertia term's
  /// coefficient, ω or β, and in the pulls' defaults: Clerc's constriction
  /// values c₁ = c₂ = 1.494 for PSO; for EMPSO the AdaSwarm reference
  /// implementation's c₁ = c₂ = 2, which on our bench suite converges as
  /// surely and explores more (with 1.494 the averaged swarm collapses
  /// early on multimodal landscapes).
  static func specs(inertia: Inertia) -> [HyperparameterSpec] {
    let inertiaSpec: HyperparameterSpec
    let pull: Double
    switch inertia {
    case .weight:
      inertiaSpec = HyperparameterSpec(
        "omega", symbol: "ω", default: 0.729, range: 0...1.5, help: "inertia: the share of the velocity kept")
      pull = 1.494
    case .average:
      inertiaSpec = HyperparameterSpec(
        "beta", symbol: "β", default: 0.9, range: 0...0.9999,
        help: "momentum: M ← β·M + (1 − β)·v replaces the inertia term")
      pull = 2
    }
    return [
      .integer("particles", symbol: "N", default: 20, range: 1...10_000, help: "swarm size").countingPoints,
      inertiaSpec,
      HyperparameterSpec(
        "c1", symbol: "c₁", default: pull, range: 0...4, help: "cognitive pull toward the particle's own best"),
      HyperparameterSpec(
        "c2", symbol: "c₂", default: pull, range: 0...4, help: "social pull toward the neighbourhood's best"),
      HyperparameterSpec(
        "vmax", symbol: "vmax", default: 0, range: 0...2, unit: .domainWidth,
        help: "largest velocity component (0: no clamp)"),
      .choice(
        "topology", options: Topology.allCases.map(\.rawValue), default: Topology.global.rawValue,
        help: "whose best pulls a particle: the whole swarm's, or its ring neighbours'"),
      Initialization.spec,
      Initialization.mean,
      Initialization.deviation,
    ]
  }

  /// Whose best pulls a particle.
  enum Topology: String, CaseIterable {
    case global, ring
  }

  /// What carries a particle's motion into its next velocity.
  enum Inertia: Sendable {
    /// ω·v (PSO).
    case weight
    /// M ← β·M + (1 − β)·v, then M (EMPSO).
    case average
  }

  public var hyperparameters: Hyperparameters
  private let inertia: Inertia
  public var kind: OptimizerKind {
    OptimizerKind(name: inertia == .weight ? Self.descriptor.name : Self.averagedDescriptor.name)
  }
  private let dimension: Int
  /// x of each particle.
  private var positions: [Vector]
  /// f(x) of each particle; NaN until evaluated.
  private var losses: [Double]
  /// True while some loss is NaN (adopted or new members), so that the
  /// next step evaluates them first.
  private var hasUnknownLosses: Bool
  /// v, all particles' coordinates in one array (particle i at i·n ..< (i+1)·n).
  private var velocities: [Double]
  /// M, laid out like `velocities` (EMPSO); empty for PSO.
  private var momenta: [Double]
  /// p, laid out like `velocities`.
  private var bestPositions: [Double]
  /// f(p); NaN until the particle is evaluated.
  private var bestLosses: [Double]
  /// The step at which each particle joined.
  private var births: [Int]
  /// The domain, when some axis is integer or boolean (positions are then
  /// continuous shadows of the points evaluated); nil on a continuous one.
  private let lattice: Domain?
  /// The boolean axes' indices, where the bits fly by binary PSO.
  private let booleanAxes: [Int]
  /// The particle whose personal best is the swarm's best.
  private var leader = 0
  private var steps = 0
  /// Per axis, the mean over the particles of c₁r₁ + c₂r₂ in the last step
  /// (AdaSwarm's gradient reads it); empty unless the swarm was built to
  /// record it.
  private(set) var pullCoefficients: [Double]

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.init(inertia: .weight, adopting: particles, hyperparameters: hyperparameters, context: context, rng: &rng)
  }

  /// A swarm of either variant; `recordingPulls` keeps
  /// `pullCoefficients` up to date (AdaSwarm's EMPSO).
  init(
    inertia: Inertia, adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    recordingPulls: Bool = false, rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    self.inertia = inertia
    pullCoefficients = recordingPulls ? Array(repeating: 0, count: context.dimension) : []
    dimension = context.dimension
    lattice = context.domain.isContinuous ? nil : context.domain
    booleanAxes = context.domain.axes.indices.filter { context.domain.axes[$0].kind == .boolean }
    let count = hyperparameters.integer("particles")
    let placed = Initialization(hyperparameters).positions(
      count: count, adopting: particles, domain: context.domain, rng: &rng)
    let known = placed.indices.map { i in
      i < particles.count && particles[i].position == placed[i] ? particles[i].loss : .nan
    }
    positions = placed
    losses = known
    hasUnknownLosses = known.contains { $0.isNaN }
    velocities = Array(repeating: 0, count: count * context.dimension)
    momenta = inertia == .average ? velocities : []
    bestPositions = placed.flatMap(\.components)
    bestLosses = known
    births = Array(repeating: 0, count: count)
    leader = Self.bestIndex(of: known)
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    advance(&f, rng: &rng, following: nil)
  }

  /// The next step on copies, following particle `particle`: inertia, the
  /// pull to its own best, the pull to the swarm's best, their sum, the move.
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (self, f, rng)
    var trace: FlightTrace?
    copy.advance(&f, rng: &rng, following: (particle, { trace = $0 }))
    return trace.map { copy.stages(of: $0) } ?? []
  }

  /// The step itself. `followed`, when given, names a particle and is
  /// handed what it was before it flew (nil on every real step, which then
  /// pays one comparison per particle).
  private mutating func advance(
    _ f: inout Evaluator, rng: inout SeededGenerator, following followed: (index: Int, take: (FlightTrace) -> Void)?
  ) {
    let count = hyperparameters.integer("particles")
    if count != positions.count { resize(to: count, domain: f.domain, rng: &rng) }
    let carry = hyperparameters[inertia == .weight ? "omega" : "beta"]
    let c1 = hyperparameters["c1"]
    let c2 = hyperparameters["c2"]
    let vmax = hyperparameters["vmax"]
    let ring = Topology.allCases[hyperparameters.integer("topology")] == .ring
    let n = dimension

    if hasUnknownLosses {
      for i in positions.indices where losses[i].isNaN {
        updateBest(of: i, at: evaluate(i, f: &f))
      }
      hasUnknownLosses = false
    }
    let coefficients = Coefficients(carry: carry, c1: c1, c2: c2, vmax: vmax)
    let averaged = inertia == .average
    let recording = !pullCoefficients.isEmpty
    for d in pullCoefficients.indices { pullCoefficients[d] = 0 }
    if lattice != nil {
      for i in positions.indices {
        let social = ring ? bestLosses.withUnsafeMutableBufferPointer { Self.ringLeader(of: i, bestLosses: $0) } : leader
        fly(i, neighbourhoodBest: social, coefficients, averaged: averaged, recording: recording, rng: &rng)
        updateBest(of: i, at: evaluate(i, f: &f))
      }
      for d in pullCoefficients.indices { pullCoefficients[d] /= Double(positions.count) }
      steps += 1
      return
    }
    // The arrays are opened once for the whole step, so that no coordinate
    // pays for a copy-on-write check, a bounds check or a retain.
    var leaderIndex = leader
    positions.withUnsafeMutableBufferPointer { xs in
      velocities.withUnsafeMutableBufferPointer { vs in
        momenta.withUnsafeMutableBufferPointer { ms in
          bestPositions.withUnsafeMutableBufferPointer { bs in
            bestLosses.withUnsafeMutableBufferPointer { bl in
              losses.withUnsafeMutableBufferPointer { ls in
                pullCoefficients.withUnsafeMutableBufferPointer { pulls in
                  for i in 0..<xs.count {
                    let social = ring ? Self.ringLeader(of: i, bestLosses: bl) : leaderIndex
                    if let followed, followed.index == i {
                      followed.take(
                        FlightTrace(
                          particle: i, position: xs[i], velocity: Vector(Array(vs[i * n..<(i + 1) * n])),
                          momentum: averaged ? Vector(Array(ms[i * n..<(i + 1) * n])) : nil,
                          ownBest: Vector(Array(bs[i * n..<(i + 1) * n])),
                          neighbourhoodBest: Vector(Array(bs[social * n..<(social + 1) * n])), rng: rng,
                          coefficients: coefficients))
                    }
                    xs[i].components.withUnsafeMutableBufferPointer { x in
                      Self.fly(
                        x.baseAddress!, velocities: vs.baseAddress!, momenta: averaged ? ms.baseAddress : nil,
                        bests: bs.baseAddress!, particle: i, neighbourhoodBest: social, dimension: n, coefficients,
                        pulls: recording ? pulls.baseAddress : nil, rng: &rng)
                    }
                    ls[i] = f.evaluate(&xs[i])
                    guard Self.isBetter(ls[i], than: bl[i]) else { continue }
                    bl[i] = ls[i]
                    for d in 0..<n { bs[i * n + d] = xs[i].components[d] }
                    if i != leaderIndex && Self.isBetter(bl[i], than: bl[leaderIndex]) { leaderIndex = i }
                  }
                }
              }
            }
          }
        }
      }
    }
    for d in pullCoefficients.indices { pullCoefficients[d] /= Double(positions.count) }
    leader = leaderIndex
    steps += 1
  }

  /// The inertia coefficient (ω or β), c₁, c₂ and vmax, read once per step.
  private struct Coefficients {
    var carry, c1, c2, vmax: Double
  }

  /// Moves particle `i`: v ← I + c₁·r₁ ⊙ (p − x) + c₂·r₂ ⊙ (g − x),
  /// clamped to ±vmax when vmax > 0, then x ← x + v. The inertia term I is
  /// ω·v, or when `momenta` are given the updated moving average
  /// M ← β·M + (1 − β)·v. `velocities`, `momenta` and `bests` hold every
  /// particle's n coordinates in a row; g
  /// is particle `neighbourhoodBest`'s personal best. The pointers come
  /// from the caller's arrays, whose sizes the swarm keeps at N·n. When
  /// `pulls` is given, c₁r₁ + c₂r₂ of each axis is added to it.
  @inline(__always)
  private static func fly(
    _ x: UnsafeMutablePointer<Double>, velocities: UnsafeMutablePointer<Double>,
    momenta: UnsafeMutablePointer<Double>?, bests: UnsafePointer<Double>,
    particle i: Int, neighbourhoodBest g: Int, dimension n: Int, _ k: Coefficients,
    pulls: UnsafeMutablePointer<Double>?, rng: inout SeededGenerator
  ) {
    let own = i * n, social = g * n
    for d in 0..<n {
      var v: Double
      if let momenta {
        v = k.carry * momenta[own + d] + (1 - k.carry) * velocities[own + d]
        momenta[own + d] = v
      } else {
        v = k.carry * velocities[own + d]
      }
      let cognitive = k.c1 * rng.uniform()
      v += cognitive * (bests[own + d] - x[d])
      let shared = k.c2 * rng.uniform()
      v += shared * (bests[social + d] - x[d])
      pulls?[d] += cognitive + shared
      if k.vmax > 0 { v = min(max(v, -k.vmax), k.vmax) }
      velocities[own + d] = v
      x[d] += v
    }
  }

  /// Moves particle `i` on a domain with lattice axes: `fly`, then each
  /// boolean axis by binary PSO, v clamped to ±4 and the bit drawn as 1
  /// with probability 1/(1 + e^(−v)).
  private mutating func fly(
    _ i: Int, neighbourhoodBest social: Int, _ k: Coefficients, averaged: Bool, recording: Bool,
    rng: inout SeededGenerator
  ) {
    let n = dimension
    positions[i].components.withUnsafeMutableBufferPointer { x in
      velocities.withUnsafeMutableBufferPointer { vs in
        momenta.withUnsafeMutableBufferPointer { ms in
          bestPositions.withUnsafeBufferPointer { bs in
            pullCoefficients.withUnsafeMutableBufferPointer { pulls in
              Self.fly(
                x.baseAddress!, velocities: vs.baseAddress!, momenta: averaged ? ms.baseAddress : nil,
                bests: bs.baseAddress!, particle: i, neighbourhoodBest: social, dimension: n, k,
                pulls: recording ? pulls.baseAddress : nil, rng: &rng)
            }
          }
        }
      }
    }
    for d in booleanAxes {
      let v = min(max(velocities[i * n + d], -Self.binaryVelocityLimit), Self.binaryVelocityLimit)
      velocities[i * n + d] = v
      positions[i][d] = rng.uniform() < 1 / (1 + Double.exp(-v)) ? 1 : 0
    }
  }

  /// Binary PSO's velocity clamp: σ(±4) ≈ 0.018 and 0.982, so a bit can
  /// always still flip.
  static let binaryVelocityLimit = 4.0

  /// f at particle i, and the point evaluated: x itself, projected in
  /// place, on a continuous domain; round(x) on a lattice, x kept as its
  /// continuous shadow.
  private mutating func evaluate(_ i: Int, f: inout Evaluator) -> Vector {
    guard lattice != nil else {
      losses[i] = f.evaluate(&positions[i])
      return positions[i]
    }
    var point = positions[i]
    losses[i] = f.evaluate(shadow: &positions[i], into: &point)
    return point
  }

  /// A particle as it was just before it flew, with the stream its draws
  /// r₁, r₂ come from: enough to take its flight apart.
  private struct FlightTrace {
    var particle: Int
    var position: Vector
    var velocity: Vector
    /// M before the blend (EMPSO); nil for PSO.
    var momentum: Vector?
    var ownBest: Vector
    var neighbourhoodBest: Vector
    var rng: SeededGenerator
    var coefficients: Coefficients
  }

  /// The flight of `trace` term by term, in `fly`'s order of operations
  /// and with its draws, so that the sum is its velocity bit for bit.
  private func stages(of trace: FlightTrace) -> [InspectionStage] {
    let k = trace.coefficients
    let x = trace.position
    var rng = trace.rng
    var inertiaTerm = x, cognitive = x, social = x, velocity = x, r1 = x, r2 = x
    for d in 0..<dimension {
      if let momentum = trace.momentum {
        inertiaTerm[d] = k.carry * momentum[d] + (1 - k.carry) * trace.velocity[d]
      } else {
        inertiaTerm[d] = k.carry * trace.velocity[d]
      }
      r1[d] = rng.uniform()
      cognitive[d] = k.c1 * r1[d] * (trace.ownBest[d] - x[d])
      r2[d] = rng.uniform()
      social[d] = k.c2 * r2[d] * (trace.neighbourhoodBest[d] - x[d])
      var v = inertiaTerm[d]
      v += cognitive[d]
      v += social[d]
      if k.vmax > 0 { v = min(max(v, -k.vmax), k.vmax) }
      velocity[d] = v
    }
    // Evaluating projects x + v′ onto the domain: the particle is where it landed.
    let moved = positions[trace.particle]
    let label = "particle \(trace.particle + 1)"
    let inertia =
      trace.momentum == nil
      ? InspectionStage(
        "inertia", formula: "ω·v", values: [.vector("x", x), .number("ω", k.carry), .vector("v", trace.velocity), .vector("ω·v", inertiaTerm)],
        overlays: [.arrow(from: x, to: x + inertiaTerm, role: .momentum)])
      : InspectionStage(
        "inertia", formula: "M ← β·M + (1 − β)·v",
        values: [.vector("x", x), .number("β", k.carry), .vector("M before", trace.momentum!), .vector("v", trace.velocity), .vector("M", inertiaTerm)],
        overlays: [.arrow(from: x, to: x + inertiaTerm, role: .momentum)])
    return [
      inertia,
      InspectionStage(
        "pull to its own best", formula: "c₁·r₁ ⊙ (p − x),  r₁ ~ U(0, 1) per axis",
        values: [.number("c₁", k.c1), .vector("r₁", r1), .vector("p", trace.ownBest), .vector("c₁·r₁⊙(p−x)", cognitive)],
        overlays: [.mark(at: trace.ownBest, role: .personalBest), .arrow(from: x, to: x + cognitive, role: .velocity)]),
      InspectionStage(
        "pull to the swarm's best", formula: "c₂·r₂ ⊙ (g − x),  r₂ ~ U(0, 1) per axis",
        values: [.number("c₂", k.c2), .vector("r₂", r2), .vector("g", trace.neighbourhoodBest), .vector("c₂·r₂⊙(g−x)", social)],
        overlays: [.mark(at: trace.neighbourhoodBest, role: .best), .arrow(from: x, to: x + social, role: .velocity)]),
      InspectionStage(
        "sum", formula: k.vmax > 0 ? "v′ = clamp(inertia + pulls, ±vmax)" : "v′ = inertia + both pulls",
        values: [.vector("v′", velocity)] + (k.vmax > 0 ? [.number("vmax", k.vmax)] : []),
        overlays: [.arrow(from: x, to: x + velocity, role: .velocity)]),
      InspectionStage(
        "move", formula: "x′ = project(x + v′), then f(x′)",
        values: [.fact("who", label), .vector("x", x), .vector("x + v′", x + velocity), .vector("x′", moved), .number("f(x′)", losses[trace.particle])],
        overlays: [.arrow(from: x, to: moved, role: .step)]),
    ]
  }

  /// a < b for losses where NaN (unknown) loses to everything.
  private static func isBetter(_ a: Double, than b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }

  /// The index of the best loss (the first when none is known).
  private static func bestIndex(of losses: [Double]) -> Int {
    losses.indices.min { isBetter(losses[$0], than: losses[$1]) } ?? 0
  }

  /// Takes particle i's new point (where it was evaluated) as its personal
  /// best, and as the swarm's, where it improves on them.
  @inline(__always) private mutating func updateBest(of i: Int, at point: Vector) {
    guard Self.isBetter(losses[i], than: bestLosses[i]) else { return }
    bestLosses[i] = losses[i]
    let base = i * dimension
    for d in 0..<dimension { bestPositions[base + d] = point[d] }
    if i != leader && Self.isBetter(bestLosses[i], than: bestLosses[leader]) { leader = i }
  }

  /// The best personal best among particle i and its two ring neighbours.
  private static func ringLeader(of i: Int, bestLosses: UnsafeMutableBufferPointer<Double>) -> Int {
    let count = bestLosses.count
    let left = (i + count - 1) % count, right = (i + 1) % count
    var best = i
    if Self.isBetter(bestLosses[left], than: bestLosses[best]) { best = left }
    if Self.isBetter(bestLosses[right], than: bestLosses[best]) { best = right }
    return best
  }

  /// Grows the swarm with members placed by `init` around the best point,
  /// or shrinks it to the members with the best personal bests (in their
  /// order), keeping every survivor's state.
  private mutating func resize(to count: Int, domain: Domain, rng: inout SeededGenerator) {
    let n = dimension
    if count > positions.count {
      let missing = count - positions.count
      let anchor = Particle(position: Vector(Array(bestPositions[leader * n..<(leader + 1) * n])))
      // The anchor comes back first and is not a new member.
      let placed = Initialization(hyperparameters).positions(
        count: missing + 1, adopting: [anchor], domain: domain, rng: &rng
      ).dropFirst()
      for position in placed {
        positions.append(position)
        losses.append(.nan)
        velocities += Array(repeating: 0, count: n)
        if inertia == .average { momenta += Array(repeating: 0, count: n) }
        bestPositions += position.components
        bestLosses.append(.nan)
        births.append(steps)
      }
      hasUnknownLosses = true
    } else {
      // Ties go to the lower index, so replays never depend on the sort.
      let ranked = bestLosses.indices.sorted { a, b in
        Self.isBetter(bestLosses[a], than: bestLosses[b])
          || (!Self.isBetter(bestLosses[b], than: bestLosses[a]) && a < b)
      }
      let kept = ranked.prefix(count).sorted()
      positions = kept.map { positions[$0] }
      losses = kept.map { losses[$0] }
      velocities = kept.flatMap { velocities[$0 * n..<($0 + 1) * n] }
      if inertia == .average { momenta = kept.flatMap { momenta[$0 * n..<($0 + 1) * n] } }
      bestPositions = kept.flatMap { bestPositions[$0 * n..<($0 + 1) * n] }
      bestLosses = kept.map { bestLosses[$0] }
      births = kept.map { births[$0] }
    }
    leader = Self.bestIndex(of: bestLosses)
  }

  private func velocity(of i: Int) -> Vector { Vector(Array(velocities[i * dimension..<(i + 1) * dimension])) }

  /// M of particle i (EMPSO only).
  private func momentum(of i: Int) -> Vector { Vector(Array(momenta[i * dimension..<(i + 1) * dimension])) }

  private func personalBest(of i: Int) -> Point {
    Point(position: Vector(Array(bestPositions[i * dimension..<(i + 1) * dimension])), loss: bestLosses[i])
  }

  /// Where particle i stands on screen: the point it was evaluated at.
  private func shownPosition(of i: Int) -> Vector { lattice?.projected(positions[i]) ?? positions[i] }

  /// Every particle with its velocity and personal best (built for display;
  /// the swarm itself keeps structure-of-arrays).
  public var particles: [Particle] {
    positions.indices.map { i in
      Particle(
        position: shownPosition(of: i), loss: losses[i], velocity: velocity(of: i), personalBest: personalBest(of: i),
        age: steps - births[i])
    }
  }

  public var best: Point? {
    let point = personalBest(of: leader)
    return point.loss.isNaN ? nil : point
  }

  /// Readouts: the swarm's spread (RMS distance to its centroid) and the
  /// best loss. Overlays: each velocity as an arrow (and for EMPSO each
  /// moving average M), the personal bests as faint marks, the swarm's best
  /// as a bold one.
  public func inspect() -> Inspection {
    var centroid = Vector.zeros(dimension)
    for x in positions { centroid.add(x, scaledBy: 1 / Double(positions.count)) }
    let spread = (positions.reduce(0) { $0 + $1.distance(to: centroid) * $1.distance(to: centroid) }
      / Double(positions.count)).squareRoot()
    var overlays: [Overlay] = positions.indices.map { i in
      .arrow(from: shownPosition(of: i), to: shownPosition(of: i) + velocity(of: i), role: .velocity)
    }
    if inertia == .average {
      overlays += positions.indices.map { i in
        .arrow(from: shownPosition(of: i), to: shownPosition(of: i) + momentum(of: i), role: .momentum)
      }
    }
    overlays.append(.marks(positions.indices.map { personalBest(of: $0).position }, role: .personalBest))
    let best = personalBest(of: leader)
    overlays.append(.mark(at: best.position, role: .best))
    return Inspection(
      readouts: [
        Readout("spread", symbol: "σ", value: spread, logarithmic: true),
        Readout("best", symbol: "f(g)", value: best.loss),
      ],
      overlays: overlays,
      vectors: [NamedVector("g", best.position), NamedVector("centroid", centroid)])
  }
}
