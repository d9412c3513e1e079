/// The state and bookkeeping that xNES (`ExponentialNES`) and sNES
/// (`SeparableNES`) share: the mean μ in the unbounded space of the
/// distribution, the evaluated samples of the last generation, the best
/// point seen, and the generation count.
///
/// The two strategies differ only in how a standard normal draw z becomes a
/// sample (μ + σ·B·z or μ + σ ⊙ z) and in how they update their spread
/// from the ranked draws; everything else lives here.
struct NaturalEvolutionStrategy {
  let dimension: Int
  let transform: BoxTransform
  let latticeFloor: LatticeFloor
  /// μ, in the unbounded space of the distribution.
  var mean: Vector
  /// The evaluated points of the last generation (the adopted particles
  /// until the first).
  private(set) var samples: [Particle]
  private(set) var bestPoint: Point?
  private(set) var generation = 0
  /// The mapped mean before the last generation moved it, for the map.
  private var shownMeanBefore: Vector?

  /// Adopts `particles`, projected onto the domain (a moved particle loses
  /// its loss); the first mean is the adopted leader, or the domain's centre.
  init(adopting particles: [Particle], context: StepContext) {
    dimension = context.dimension
    transform = BoxTransform(domain: context.domain)
    latticeFloor = LatticeFloor(domain: context.domain)
    samples = particles.map { particle in
      let position = context.domain.projected(particle.position)
      return Particle(position: position, loss: position == particle.position ? particle.loss : .nan)
    }
    bestPoint = samples.bestKnown
    mean = samples.leader?.position ?? context.domain.center
  }

  /// λ: the `population` hyperparameter, or 4 + ⌊3 ln n⌋ when it is 0; at least 2.
  func populationSize(_ hyperparameters: Hyperparameters) -> Int {
    let setting = hyperparameters.integer("population")
    return max(2, setting > 0 ? setting : NESUtilities.defaultPopulationSize(dimension: dimension))
  }

  /// Draws λ standard normal zₖ, evaluates `sample(zₖ)` mapped onto the box,
  /// and returns the pairs (uₖ, zₖ) best rank first, with the utilities of
  /// `NESUtilities`.
  mutating func generate(
    count lambda: Int, _ f: inout Evaluator, rng: inout SeededGenerator, sample: (Vector) -> Vector
  ) -> [(utility: Double, draw: Vector)] {
    var draws: [Vector] = []
    shownMeanBefore = transform.applied(mean)
    samples.removeAll(keepingCapacity: true)
    for _ in 0..<lambda {
      let z = rng.normalVector(dimension: dimension)
      var x = sample(z)
      transform.apply(&x)
      let loss = f.evaluate(&x)
      samples.append(Particle(position: x, loss: loss, tag: "offspring"))
      draws.append(z)
      let point = Point(position: x, loss: loss)
      if point.isBetter(than: bestPoint) { bestPoint = point }
    }
    let utilities = NESUtilities.utilities(count: lambda)
    return samples.map(\.loss).rankedIndices.enumerated().map { rank, k in (utilities[rank], draws[k]) }
  }

  /// Counts a finished generation.
  mutating func advanceGeneration() {
    generation += 1
  }

  /// The search ellipse of `covariance` around the mapped mean, the mean's
  /// last move (drawn on from the mean, at its true length), the mean,
  /// and the samples when there are any.
  func overlays(covariance: SquareMatrix) -> [Overlay] {
    let centre = transform.applied(mean)
    var overlays: [Overlay] = [
      .covarianceEllipse(center: centre, covariance: covariance.rows, role: .sampling),
      .mark(at: centre, role: .mean),
    ]
    if !samples.isEmpty { overlays.append(.marks(samples.map(\.position), role: .offspring)) }
    if let before = shownMeanBefore, before != centre {
      overlays.append(.arrow(from: centre, to: centre + (centre - before), role: .step))
    }
    return overlays
  }

  /// Readouts: σ (log gauge from 10⁻¹⁰·σ₀ to 10·σ₀), the axis ratio κ and
  /// the generation.
  func readouts(sigma: Double, axisRatio: Double, sigma0: Double) -> [Readout] {
    [
      Readout("sigma", symbol: "σ", value: sigma, gauge: sigma0 * 1e-10...sigma0 * 10, logarithmic: true),
      Readout("axis-ratio", symbol: "κ", value: axisRatio, logarithmic: true),
      Readout("generation", symbol: "g", value: Double(generation)),
    ]
  }
}

extension NaturalEvolutionStrategy {
  /// A generation taken apart from the state before it (this one) and
  /// `after` it: the samples, their ranking, the mean's move and σ.
  /// `formulas` gives each stage's rule for the strategy at hand.
  func stages(
    after: NaturalEvolutionStrategy, sigma: (before: Double, after: Double),
    formulas: (sample: String, recombine: String, adapt: String)
  ) -> [InspectionStage] {
    let samples = after.samples
    let order = samples.map(\.loss).rankedIndices
    let (from, to) = (transform.applied(mean), after.transform.applied(after.mean))
    let shown = min(3, samples.count)
    return [
      InspectionStage(
        "sample", formula: formulas.sample,
        values: [.vector("μ", from), .number("σ", sigma.before), .number("λ", Double(samples.count))]
          + samples.prefix(shown).enumerated().flatMap { k, x in
            [StageValue.vector("x\(k + 1)", x.position), .number("f(x\(k + 1))", x.loss)]
          },
        overlays: [.marks(samples.map(\.position), role: .offspring)]),
      InspectionStage(
        "rank", formula: "sort by f; the k-th best gets the utility uₖ (fitness shaping)",
        values: order.prefix(shown).enumerated().flatMap { rank, k in
          [StageValue.vector("#\(rank + 1)", samples[k].position), .number("f #\(rank + 1)", samples[k].loss)]
        },
        overlays: [.marks(order.prefix(shown).map { samples[$0].position }, role: .parent)]),
      InspectionStage(
        "recombine", formula: formulas.recombine,
        values: [.vector("μ", from), .vector("μ′", to), .vector("μ′ − μ", to - from)],
        overlays: [.arrow(from: from, to: to, role: .step), .mark(at: to, role: .mean)]),
      InspectionStage(
        "adapt σ", formula: formulas.adapt, values: [.number("σ", sigma.before), .number("σ′", sigma.after)]),
    ]
  }
}
