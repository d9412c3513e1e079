/// The Nelder–Mead simplex method (as stated by Lagarias et al. 1998), with
/// restarts when the simplex collapses.
///
/// The simplex has n + 1 vertices, sorted so that f(x₁) ≤ … ≤ f(x_{n+1}).
/// One step is one iteration: with c the centroid of the n best vertices,
/// - reflect: x_r = c + α(c − x_{n+1}); if f(x₁) ≤ f_r < f(x_n), take x_r;
/// - expand, if f_r < f(x₁): x_e = c + β(x_r − c), take the better of x_e, x_r;
/// - contract outside, if f(x_n) ≤ f_r < f(x_{n+1}): x_oc = c + γ(x_r − c),
///   taken if f_oc ≤ f_r;
/// - contract inside, if f_r ≥ f(x_{n+1}): x_ic = c + γ(x_{n+1} − c), taken
///   if f_ic < f(x_{n+1});
/// - otherwise shrink every vertex toward the best: xᵢ ← x₁ + δ(xᵢ − x₁).
///
/// The textbook coefficients are α = 1, β = 2, γ = ½, δ = ½. With
/// `adaptive` on, Gao and Han's (2012) α = 1, β = 1 + 2/n, γ = ¾ − 1/(2n),
/// δ = 1 − 1/n apply for n ≥ 2: the same numbers in 2-D, and a simplex that
/// keeps its shape better in high dimensions. Each point is evaluated at
/// its projection onto the domain, and the projected point is what joins
/// the simplex.
///
/// **Restarts.** When the simplex has collapsed — its size
/// max ‖xᵢ − x₁‖ below `tolerance`, or its losses within
/// 10⁻¹²·max(1, |f(x₁)|) of each other (converged, or lost on a plateau) —
/// a new simplex of the starting size replaces it: around the best point
/// (`local`, which also rescues a simplex that collapsed without
/// converging), around a uniformly drawn point (`random`, the default,
/// which spends the rest of the budget looking elsewhere), or not at all
/// (`off`). On the bench (14 functions × 20 seeds, 2000 evaluations, s =
/// 0.2·w) `random` succeeds in 13 functions' worth of runs, `local` in
/// 10.7 and `off` in 9.3; with `random`, s = 0.1·w gives 12.6 and 0.05·w 12.
///
/// **Start and adoption.** The first vertex is the adopted leader. The
/// others are the other adopted particles, best first, each taken only if
/// it leaves the simplex well spread (at least a tenth of its distance from
/// the leader lies outside the span of the vertices taken so far), then
/// x₁ ± s·eᵢ along the axes (s = `size`, the sign that stays in the box; at
/// least one lattice step on integer axes, a flip on boolean ones) until
/// there are n + 1. With one adopted particle this is the textbook initial
/// simplex x₀, x₀ + s·eᵢ.
public struct NelderMead: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "nelder-mead", family: .classic, keepsSquareMatrix: true,
    summary: "the downhill simplex: reflect, expand, contract or shrink n + 1 points",
    specs: [
      HyperparameterSpec(
        "size", symbol: "s", default: 0.2, range: 1e-8...1, scale: .log, unit: .domainWidth,
        help: "edge length of the initial and restarted simplex"),
      .flag(
        "adaptive", default: true,
        help: "Gao–Han coefficients β = 1 + 2/n, γ = ¾ − 1/(2n), δ = 1 − 1/n (the textbook ones in 2-D)"),
      .choice(
        "restart", options: Restart.allCases.map(\.rawValue), default: Restart.random.rawValue,
        help: "when the simplex collapses: a new one around the best point, around a random point, or none"),
      HyperparameterSpec(
        "tolerance", symbol: "tol", default: 1e-9, range: 1e-15...1e-1, scale: .log, unit: .domainWidth,
        help: "simplex size below which it counts as collapsed"),
    ])

  /// What happens when the simplex collapses.
  enum Restart: String, CaseIterable {
    case off, local, random
  }

  /// The last operation, for the inspector.
  enum Move: Int {
    case start, reflect, expand, contractOutside, contractInside, shrink, restart
  }

  /// The share of a candidate vertex's offset that must lie outside the
  /// span of the vertices already taken.
  static let spreadThreshold = 0.1

  public var hyperparameters: Hyperparameters
  private let dimension: Int
  /// w, the top of the size gauge.
  private let width: Double
  /// The vertices and their losses (NaN until evaluated), in no order.
  private var vertices: [Vector]
  private var losses: [Double]
  private var lastMove = Move.start
  /// The points tried in the last iteration.
  private var trials: [Vector] = []
  private var restartCount = 0
  private var iteration = 0
  private var bestPoint: Point?

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    let domain = context.domain
    dimension = context.dimension
    width = context.width
    let known = particles.map { particle in
      let position = domain.projected(particle.position)
      return Point(position: position, loss: position == particle.position ? particle.loss : .nan)
    }
    let ranked = known.indices.sorted { a, b in
      known[a].isBetter(than: known[b]) || (!known[b].isBetter(than: known[a]) && a < b)
    }.map { known[$0] }
    let leader = ranked.first ?? Point(position: domain.center, loss: .nan)
    (vertices, losses) = Self.simplex(
      around: leader, candidates: Array(ranked.dropFirst()), size: hyperparameters["size"], domain: domain)
    bestPoint = ranked.first.flatMap { $0.loss.isNaN ? nil : $0 }
  }

  /// The vertices of a new simplex: the leader, the candidates that keep it
  /// spread, then axis steps of length `size`.
  private static func simplex(
    around leader: Point, candidates: [Point], size: Double, domain: Domain
  ) -> ([Vector], [Double]) {
    let n = domain.dimension
    var vertices = [leader.position], losses = [leader.loss]
    var basis: [Vector] = []
    func take(_ point: Point) {
      guard vertices.count <= n else { return }
      var offset = point.position - leader.position
      let length = offset.norm
      guard length > 0 else { return }
      for q in basis { offset.add(q, scaledBy: -q.dot(offset)) }
      let residual = offset.norm
      guard residual > spreadThreshold * length else { return }
      basis.append(offset / residual)
      vertices.append(point.position)
      losses.append(point.loss)
    }
    for candidate in candidates { take(candidate) }
    for axis in 0..<n where vertices.count <= n {
      var x = leader.position
      let a = domain.axes[axis]
      switch a.kind {
      case .boolean:
        x[axis] = 1 - x[axis]
      case .continuous, .integer:
        let step = a.kind == .integer ? max(1, size.rounded()) : size
        x[axis] += x[axis] + step <= a.upper ? step : -step
      }
      take(Point(position: domain.projected(x), loss: .nan))
    }
    return (vertices, losses)
  }

  /// (α, β, γ, δ) for this step's setting.
  private var coefficients: (reflect: Double, expand: Double, contract: Double, shrink: Double) {
    guard hyperparameters.flag("adaptive"), dimension >= 2 else { return (1, 2, 0.5, 0.5) }
    let n = Double(dimension)
    return (1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n)
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let (alpha, beta, gamma, delta) = coefficients
    trials.removeAll(keepingCapacity: true)
    for i in vertices.indices where losses[i].isNaN {
      var x = vertices[i]
      losses[i] = evaluate(&x, &f)
      vertices[i] = x
    }
    iteration += 1

    let order = vertices.indices.sorted { a, b in losses[a] < losses[b] || (losses[a] == losses[b] && a < b) }
    vertices = order.map { vertices[$0] }
    losses = order.map { losses[$0] }
    if hasCollapsed, let restart = Restart(rawValue: hyperparameters.choice("restart")), restart != .off {
      let centre = restart == .local ? vertices[0] : f.domain.randomPoint(using: &rng)
      let loss = restart == .local ? losses[0] : .nan
      (vertices, losses) = Self.simplex(
        around: Point(position: centre, loss: loss), candidates: [], size: hyperparameters["size"],
        domain: f.domain)
      restartCount += 1
      lastMove = .restart
      f.note(StepEvent(.resample, at: centre))
      return
    }

    let worst = vertices.count - 1
    var centroid = Vector.zeros(dimension)
    for i in 0..<worst { centroid.add(vertices[i], scaledBy: 1 / Double(worst)) }
    let (best, secondWorst, worstLoss) = (losses[0], losses[max(worst - 1, 0)], losses[worst])

    let reflected = centroid + alpha * (centroid - vertices[worst])
    var xr = reflected
    let fr = evaluate(&xr, &f)
    if fr < best {
      var xe = centroid + beta * (reflected - centroid)
      let fe = evaluate(&xe, &f)
      if fe < fr {
        f.note(StepEvent(.reject, at: xr, from: vertices[worst]))
        replaceWorst(with: xe, loss: fe, move: .expand, &f)
      } else {
        f.note(StepEvent(.reject, at: xe, from: vertices[worst]))
        replaceWorst(with: xr, loss: fr, move: .reflect, &f)
      }
    } else if fr < secondWorst {
      replaceWorst(with: xr, loss: fr, move: .reflect, &f)
    } else {
      let outside = fr < worstLoss
      var xc = centroid + gamma * ((outside ? reflected : vertices[worst]) - centroid)
      let fc = evaluate(&xc, &f)
      f.note(StepEvent(.reject, at: xr, from: vertices[worst]))
      if outside ? fc <= fr : fc < worstLoss {
        replaceWorst(with: xc, loss: fc, move: outside ? .contractOutside : .contractInside, &f)
      } else {
        f.note(StepEvent(.reject, at: xc, from: vertices[worst]))
        for i in 1...worst {
          var x = vertices[0] + delta * (vertices[i] - vertices[0])
          losses[i] = evaluate(&x, &f)
          f.note(StepEvent(.accept, at: x, from: vertices[i]))
          vertices[i] = x
        }
        lastMove = .shrink
      }
    }
  }

  /// f at x (projected in place), remembered as a trial and as the best.
  private mutating func evaluate(_ x: inout Vector, _ f: inout Evaluator) -> Double {
    let loss = f.evaluate(&x)
    trials.append(x)
    let point = Point(position: x, loss: loss)
    if point.isBetter(than: bestPoint) { bestPoint = point }
    return loss
  }

  private mutating func replaceWorst(with x: Vector, loss: Double, move: Move, _ f: inout Evaluator) {
    let worst = vertices.count - 1
    f.note(StepEvent(.accept, at: x, from: vertices[worst]))
    vertices[worst] = x
    losses[worst] = loss
    lastMove = move
  }

  /// max ‖xᵢ − x₁‖ over the vertices, x₁ the best.
  public var simplexSize: Double {
    let bestIndex = losses.indices.min { losses[$0] < losses[$1] || (!losses[$1].isNaN && losses[$0].isNaN) } ?? 0
    return vertices.map { $0.distance(to: vertices[bestIndex]) }.max() ?? 0
  }

  /// True when the simplex is smaller than `tolerance` or its losses agree
  /// to 10⁻¹² relative (vertices sorted, losses known).
  private var hasCollapsed: Bool {
    let spread = losses[losses.count - 1] - losses[0]
    return simplexSize < hyperparameters["tolerance"] || spread <= 1e-12 * max(1, abs(losses[0]))
  }

  public var particles: [Particle] {
    vertices.indices.map { Particle(position: vertices[$0], loss: losses[$0], age: iteration) }
  }

  public var best: Point? { bestPoint }

  /// Readouts: the simplex size (log gauge from `tolerance` up to w), the
  /// last move (0 start, 1 reflect, 2 expand, 3 outside contraction, 4
  /// inside contraction, 5 shrink, 6 restart) and the restarts so far.
  /// Overlays: the simplex as a polygon, its best vertex, the points tried
  /// in the last iteration.
  public func inspect() -> Inspection {
    let tolerance = hyperparameters["tolerance"]
    var overlays: [Overlay] = [.polygon(vertices: vertices, role: .simplex)]
    if let bestPoint { overlays.append(.mark(at: bestPoint.position, role: .best)) }
    if !trials.isEmpty { overlays.append(.marks(trials, role: .candidate)) }
    return Inspection(
      readouts: [
        Readout(
          "simplex-size", symbol: "size", value: simplexSize, gauge: tolerance...max(tolerance * 10, width),
          logarithmic: true),
        Readout("move", symbol: "move", value: Double(lastMove.rawValue), gauge: 0...6),
        Readout("restarts", symbol: "restarts", value: Double(restartCount)),
      ],
      overlays: overlays)
  }
}
