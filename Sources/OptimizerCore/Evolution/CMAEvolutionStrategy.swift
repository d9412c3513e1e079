import RealModule

/// CMA-ES, the (μ/μ_w, λ) covariance matrix adaptation evolution strategy
/// of Hansen's tutorial (arXiv 1604.00772), with the default parameters of
/// its Table 1 (`CMAParameters`), active (negative) weights included.
///
/// One step is one generation. With C = B·D²·Bᵀ:
/// - sample zₖ ~ N(0, I), yₖ = B·D·zₖ, xₖ = m + σ·yₖ (k = 1 … λ), and
///   rank them by f;
/// - m ← m + c_m·σ·⟨y⟩_w with ⟨y⟩_w = Σᵢ≤μ wᵢ·y_{i:λ};
/// - p_σ ← (1 − c_σ)·p_σ + √(c_σ(2 − c_σ)μ_eff)·C^(−½)·⟨y⟩_w and
///   σ ← σ·exp(min(1, (c_σ/d_σ)(‖p_σ‖/E‖N(0, I)‖ − 1))) (the cap at e keeps
///   one wild generation from blowing σ up, as in the `cma` package);
/// - p_c ← (1 − c_c)·p_c + h_σ·√(c_c(2 − c_c)μ_eff)·⟨y⟩_w, where h_σ = 0
///   stalls p_c while ‖p_σ‖/√(1 − (1 − c_σ)^(2(g+1))) ≥ (1.4 + 2/(n+1))·E‖N‖;
/// - C ← (1 + c₁δ(h_σ) − c₁ − c_μ·Σwⱼ)·C + c₁·p_c·p_cᵀ + c_μ·Σᵢ wᵢ°·y_{i:λ}·y_{i:λ}ᵀ
///   (rank-one plus rank-μ update), with wᵢ° = wᵢ·n/‖C^(−½)·y_{i:λ}‖² for
///   the negative weights and δ(h_σ) = (1 − h_σ)·c_c(2 − c_c).
///
/// B and D come from the Jacobi eigendecomposition of C, redone every
/// `CMAParameters.eigenInterval` generations; eigenvalues are kept above
/// 10⁻¹⁴ of the largest so that C stays numerically positive definite.
///
/// **Boundaries.** The evaluator clamps every sample into the box, but a
/// distribution that only sees clamped points cannot tell how far outside
/// it sampled: along a face where f stays flat its mean drifts out and C
/// degenerates (with plain clamping, Eggholder runs spend most of their
/// budget with the mean a thousand units outside). Two of the `cma`
/// package's remedies are offered:
/// - `transform` (the default, as in `cma`): the distribution lives in Rⁿ
///   and each sample x is evaluated at t(x), `BoxTransform`'s smooth
///   periodic map onto the box; the particles are the evaluated points, the
///   mean is drawn at t(m);
/// - `penalty`: x is evaluated at its clamped x̂ but ranked by
///   f(x̂) + Σ γᵢ(xᵢ − x̂ᵢ)²/n, with `BoxPenalty`'s adaptive weights;
/// - `project` ranks by f(x̂) alone, to show what goes wrong without either.
/// On the bench (14 functions × 50 seeds) `transform` and `penalty` tie
/// (12.1 and 12.2 functions' worth of successes), `penalty` better on
/// Eggholder, `transform` on Rastrigin.
///
/// **Restarts (IPOP, Auger & Hansen 2005).** With `restarts` on, when a
/// termination criterion of `CMATermination` holds, the search starts over
/// from a uniformly drawn mean with σ = σ₀, C = I and λ doubled (after
/// nine doublings λ starts a new cycle from its base); the best point is
/// kept. Off, the run goes on in its converged state (a state broken by
/// rounding — σ or C not finite — restarts regardless).
///
/// **Start and adoption.** The first mean is the leader of the adopted
/// particles; until the first generation is drawn they are shown as they
/// are. `init` does not apply: every generation is a sample of the
/// distribution. On integer and boolean axes the samples are rounded by the
/// evaluator, with the deviation there kept at least `LatticeFloor`'s.
public struct CMAEvolutionStrategy: DescribedOptimizer, RecordedStep {
  public static let descriptor = OptimizerDescriptor(
    name: "cma-es", family: .evolution, keepsSquareMatrix: true,
    summary: "covariance matrix adaptation: a Gaussian that learns its shape and step size from ranked samples",
    specs: [
      HyperparameterSpec(
        "sigma0", symbol: "σ₀", default: 0.3, range: 1e-6...2, scale: .log, unit: .domainWidth,
        help: "initial step size σ (also after each restart)"),
      .integer(
        "population", symbol: "λ", default: 0, range: 0...100_000,
        help: "offspring per generation (0: 4 + ⌊3 ln n⌋); doubled at each restart").countingPoints,
      .flag(
        "restarts", default: true,
        help: "IPOP: when the search stalls, restart from a random point with twice the population"),
      .choice(
        "boundary", options: Boundary.allCases.map(\.rawValue), default: Boundary.transform.rawValue,
        help: "samples outside the box: cma's smooth periodic map onto it, clamped with a penalty, or clamped"),
    ])

  /// How samples outside the box are evaluated.
  enum Boundary: String, CaseIterable {
    case transform, penalty, project
  }

  public var hyperparameters: Hyperparameters
  private let dimension: Int
  private let domain: Domain
  private let transform: BoxTransform
  private let latticeFloor: LatticeFloor
  private var boxPenalty: BoxPenalty
  /// m, in the unbounded space of the distribution.
  private var mean: Vector
  /// The displayed mean's last move (zero after a restart), for the map.
  private var meanMove: Vector
  private var sigma: Double
  /// σ at the last (re)start, which TolX and TolXUp compare with.
  private var initialSigma: Double
  private var covariance: SquareMatrix
  /// B and D: C = B·diag(D²)·Bᵀ as of the last decomposition.
  private var eigenbasis: SquareMatrix
  private var scales: [Double]
  /// C^(−½) = B·diag(1/D)·Bᵀ.
  private var inverseRoot: SquareMatrix
  private var sigmaPath: Vector
  private var covariancePath: Vector
  /// Generations since the last (re)start, and the one C was decomposed at.
  private var generation = 0
  private var decomposedAt = 0
  private var restartCount = 0
  private var termination = CMATermination()
  /// The last generation's evaluated points (the adopted particles before
  /// the first).
  private var offspring: [Particle]
  private var bestPoint: Point?

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    let domain = context.domain
    let n = context.dimension
    dimension = n
    self.domain = domain
    transform = BoxTransform(domain: domain)
    latticeFloor = LatticeFloor(domain: domain)
    boxPenalty = BoxPenalty(domain: domain)
    offspring = particles.map { particle in
      let position = domain.projected(particle.position)
      return Particle(position: position, loss: position == particle.position ? particle.loss : .nan)
    }
    bestPoint = offspring.bestKnown
    mean = (offspring.leader?.position ?? domain.center)
    meanMove = .zeros(n)
    sigma = hyperparameters["sigma0"]
    initialSigma = sigma
    covariance = .identity(n)
    eigenbasis = .identity(n)
    scales = Array(repeating: 1, count: n)
    inverseRoot = .identity(n)
    sigmaPath = .zeros(n)
    covariancePath = .zeros(n)
  }

  /// How many times λ doubles before the restarts begin a new cycle at
  /// the base λ, so that a long interactive run never grows its population
  /// without bound (λ₀·2⁹ = 3072 in 2-D).
  static let doublingsPerCycle = 9

  /// λ this generation: the setting (or 4 + ⌊3 ln n⌋) doubled per restart,
  /// λ₀·2^(r mod 10) after r restarts.
  private var populationSize: Int {
    let base = hyperparameters.integer("population")
    let size = base > 0 ? base : CMAParameters.defaultPopulationSize(dimension: dimension)
    return max(2, size << (restartCount % (Self.doublingsPerCycle + 1)))
  }

  /// One generation, taken apart (`RecordedStep`) as sample, rank, recombine, adapt σ.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    let boundary = Boundary.allCases[hyperparameters.integer("boundary")]
    let parameters = CMAParameters(dimension: dimension, populationSize: populationSize)
    let lambda = parameters.populationSize

    var steps: [Vector] = []
    var samples: [Vector] = []
    steps.reserveCapacity(lambda)
    offspring.removeAll(keepingCapacity: true)
    for _ in 0..<lambda {
      var y = rng.normalVector(dimension: dimension)
      for i in 0..<dimension { y[i] *= scales[i] }
      y = eigenbasis.times(y)
      var x = mean
      x.add(y, scaledBy: sigma)
      if boundary == .transform { transform.apply(&x) }
      if boundary == .penalty { samples.append(x) }
      let loss = f.evaluate(&x)
      offspring.append(Particle(position: x, loss: loss, tag: "offspring"))
      steps.append(y)
      let point = Point(position: x, loss: loss)
      if point.isBetter(than: bestPoint) { bestPoint = point }
    }
    var fitness = offspring.map(\.loss)
    if boundary == .penalty {
      boxPenalty.update(
        losses: fitness, mean: mean, sigma: sigma, covarianceDiagonal: covariance.diagonal,
        effectiveParents: parameters.effectiveParents)
      for k in fitness.indices {
        fitness[k] += boxPenalty.penalty(sample: samples[k], projection: offspring[k].position)
      }
    }
    let order = fitness.rankedIndices
    let sortedFitness = order.map { fitness[$0] }
    let (meanBefore, sigmaBefore) = (displayedMean, sigma)
    if let record { recordSampleAndRank(parameters, order: order, fitness: fitness, record) }
    update(parameters: parameters, steps: order.map { steps[$0] })
    termination.record(sortedLosses: sortedFitness)
    if let record { recordRecombination(parameters, meanBefore: meanBefore, sigmaBefore: sigmaBefore, record) }

    let reason = stopReason(sortedLosses: sortedFitness, populationSize: lambda)
    if (reason != nil && hyperparameters.flag("restarts")) || !isHealthy {
      restart(rng: &rng)
      f.note(StepEvent(.resample, at: displayedMean))
      record?(
        InspectionStage(
          "restart", formula: "a stop criterion held: a uniform mean, σ = σ₀, C = I, λ doubled",
          values: [.vector("m", displayedMean), .number("σ", sigma), .number("λ", Double(populationSize))]))
    }
  }

  /// The λ samples drawn around the mean, then their ranking by f.
  private func recordSampleAndRank(
    _ p: CMAParameters, order: [Int], fitness: [Double], _ record: (InspectionStage) -> Void
  ) {
    let shown = min(3, order.count)
    record(
      InspectionStage(
        "sample", formula: "xₖ = m + σ·B·D·zₖ,  zₖ ~ N(0, I),  k = 1…λ, then f(xₖ)",
        values: [.vector("m", displayedMean), .number("σ", sigma), .number("λ", Double(p.populationSize))]
          + offspring.prefix(shown).enumerated().flatMap { k, x in
            [StageValue.vector("x\(k + 1)", x.position), .number("f(x\(k + 1))", x.loss)]
          },
        overlays: [.marks(offspring.map(\.position), role: .offspring)]))
    record(
      InspectionStage(
        "rank", formula: "sort by f (penalised off the box); the best μ = \(p.parentCount) become parents",
        values: order.prefix(shown).enumerated().flatMap { rank, k in
          [StageValue.vector("#\(rank + 1)", offspring[k].position), .number("f #\(rank + 1)", fitness[k])]
        },
        overlays: [.marks(order.prefix(p.parentCount).map { offspring[$0].position }, role: .parent)]))
  }

  /// The new mean from the weighted parents, then σ adapted by the path.
  private func recordRecombination(
    _ p: CMAParameters, meanBefore: Vector, sigmaBefore: Double, _ record: (InspectionStage) -> Void
  ) {
    let centre = displayedMean
    record(
      InspectionStage(
        "recombine", formula: "m′ = m + σ·Σ wᵢ·y₍ᵢ₎ over the μ best, y = (x − m)/σ",
        values: [.number("μ", Double(p.parentCount)), .vector("m", meanBefore), .vector("m′", centre), .vector("m′ − m", meanMove)],
        overlays: [.arrow(from: meanBefore, to: centre, role: .step), .mark(at: centre, role: .mean)]))
    record(
      InspectionStage(
        "adapt σ", formula: "σ′ = σ·exp(c_σ/d_σ·(‖p_σ‖/E‖N(0, I)‖ − 1)); C gets its rank-one and rank-μ updates",
        values: [
          .number("σ", sigmaBefore), .number("‖p_σ‖", sigmaPath.norm), .number("E‖N(0,I)‖", p.expectedNorm),
          .number("σ′", sigma),
        ]))
  }

  /// The mean, covariance and step-size update of one generation, from the
  /// steps yᵢ sorted best first.
  private mutating func update(parameters p: CMAParameters, steps y: [Vector]) {
    let n = dimension
    let nd = Double(n)
    var weighted = Vector.zeros(n)
    for i in 0..<p.parentCount { weighted.add(y[i], scaledBy: p.weights[i]) }
    let before = displayedMean
    mean.add(weighted, scaledBy: sigma)
    meanMove = displayedMean - before

    let whitened = inverseRoot.times(weighted)
    let cs = p.sigmaPathRate
    sigmaPath *= 1 - cs
    sigmaPath.add(whitened, scaledBy: (cs * (2 - cs) * p.effectiveParents).squareRoot())
    let pathNorm = sigmaPath.norm
    let correction = (1 - Double.pow(1 - cs, Double(2 * (generation + 1)))).squareRoot()
    let stalls = pathNorm / correction >= (1.4 + 2 / (nd + 1)) * p.expectedNorm
    let cc = p.covariancePathRate
    covariancePath *= 1 - cc
    if !stalls { covariancePath.add(weighted, scaledBy: (cc * (2 - cc) * p.effectiveParents).squareRoot()) }

    let c1 = p.rankOneRate, cMu = p.rankMuRate
    let delta = stalls ? cc * (2 - cc) : 0
    let weightSum = p.weights.reduce(0, +)
    covariance.scale(by: 1 + c1 * delta - c1 - cMu * weightSum)
    covariance.addOuterProduct(covariancePath, covariancePath, scaledBy: c1)
    for i in 0..<p.populationSize where p.weights[i] != 0 {
      var w = p.weights[i]
      if w < 0 {
        let length = inverseRoot.times(y[i]).squaredNorm
        w *= length > 0 ? nd / length : 0
      }
      covariance.addOuterProduct(y[i], y[i], scaledBy: cMu * w)
    }
    covariance.symmetrize()
    sigma *= Double.exp(min(1, cs / p.sigmaDamping * (pathNorm / p.expectedNorm - 1)))
    generation += 1

    let deviations = covariance.diagonal.map { sigma * $0.squareRoot() }
    let lifted = latticeFloor.liftFactors(deviations: deviations)
    if let lifted { covariance.scaleSymmetrically(by: lifted) }
    if lifted != nil || generation - decomposedAt >= p.eigenInterval { decompose() }
  }

  /// B, D and C^(−½) from C, with eigenvalues kept above 10⁻¹⁴ of the
  /// largest (C is rebuilt from them when one had to be raised).
  private mutating func decompose() {
    let eigen = SymmetricEigendecomposition(covariance)
    let largest = eigen.values.max() ?? 1
    let floor = max(largest, 0) * 1e-14
    let values = eigen.values.map { max($0, floor) }
    if values != eigen.values { covariance = eigen.applying { max($0, floor) } }
    eigenbasis = eigen.vectors
    scales = values.map { $0.squareRoot() }
    inverseRoot = eigen.applying { 1 / max($0, floor).squareRoot() }
    decomposedAt = generation
  }

  /// The termination criterion that holds after this generation, if any.
  private func stopReason(sortedLosses: [Double], populationSize: Int) -> CMATermination.Reason? {
    termination.reason(
      CMATermination.State(
        mean: mean, sigma: sigma, initialSigma: initialSigma, covarianceDiagonal: covariance.diagonal,
        scales: scales, eigenbasis: eigenbasis, covariancePath: covariancePath, sortedLosses: sortedLosses,
        populationSize: populationSize))
  }

  /// False when rounding has broken the state (σ or C not finite, σ zero),
  /// which forces a restart even with restarts off.
  private var isHealthy: Bool {
    sigma.isFinite && sigma > 0 && covariance.isFinite && mean.isFinite
  }

  /// Starts over: a uniform mean, σ = σ₀, C = I, fresh paths and history;
  /// λ doubles through `restartCount`.
  private mutating func restart(rng: inout SeededGenerator) {
    restartCount += 1
    mean = domain.randomPoint(using: &rng)
    meanMove = .zeros(dimension)
    sigma = hyperparameters["sigma0"]
    initialSigma = sigma
    covariance = .identity(dimension)
    eigenbasis = .identity(dimension)
    scales = Array(repeating: 1, count: dimension)
    inverseRoot = .identity(dimension)
    sigmaPath = .zeros(dimension)
    covariancePath = .zeros(dimension)
    generation = 0
    decomposedAt = 0
    termination = CMATermination()
    boxPenalty = BoxPenalty(domain: domain)
  }

  /// Where the mean's samples land: t(m) or the clamped m.
  private var displayedMean: Vector {
    switch Boundary.allCases[hyperparameters.integer("boundary")] {
    case .transform: return transform.applied(mean)
    case .penalty, .project: return domain.projected(mean)
    }
  }

  public var particles: [Particle] { offspring }

  public var best: Point? { bestPoint }

  /// Readouts: σ (log gauge from 10⁻¹⁰·σ₀ to 10·σ₀), the axis ratio
  /// max D / min D (the square root of C's condition number), λ, the
  /// generation since the last restart and the restarts so far. Overlays:
  /// the sampling ellipse of σ²·C's leading 2×2 block at two standard
  /// deviations, the mean, this generation's offspring, and the mean's
  /// last move at its true length, drawn from the mean.
  public func inspect() -> Inspection {
    let sigma0 = hyperparameters["sigma0"]
    let centre = displayedMean
    var block = covariance.rows
    for i in block.indices {
      for j in block[i].indices { block[i][j] *= sigma * sigma }
    }
    var overlays: [Overlay] = [
      .covarianceEllipse(center: centre, covariance: block, role: .sampling),
      .mark(at: centre, role: .mean),
    ]
    if !offspring.isEmpty { overlays.append(.marks(offspring.map(\.position), role: .offspring)) }
    if meanMove.norm > 0 { overlays.append(.arrow(from: centre, to: centre + meanMove, role: .step)) }
    return Inspection(
      readouts: [
        Readout("sigma", symbol: "σ", value: sigma, gauge: sigma0 * 1e-10...sigma0 * 10, logarithmic: true),
        Readout("axis-ratio", symbol: "κ", value: scales.max()! / scales.min()!, logarithmic: true),
        Readout("population", symbol: "λ", value: Double(populationSize)),
        Readout("generation", symbol: "g", value: Double(generation)),
        Readout("restarts", symbol: "restarts", value: Double(restartCount)),
      ],
      overlays: overlays,
      vectors: [NamedVector("m", mean), NamedVector("p_σ", sigmaPath), NamedVector("p_c", covariancePath)])
  }
}
