import RealModule

/// xNES, the exponential natural evolution strategy (Glasmachers et al.
/// 2010; Wierstra et al., JMLR 2014): a Gaussian N(μ, σ²·B·Bᵀ) climbed
/// along the natural gradient of the expected utility, with the shape B
/// updated through a matrix exponential so it stays invertible.
///
/// One step is one generation of λ = 4 + ⌊3 ln n⌋ samples (or `population`):
/// zₖ ~ N(0, I), xₖ = μ + σ·B·zₖ, ranked by f with the utilities uₖ of
/// `NESUtilities` (they sum to 0). Then
/// - G_δ = Σ uₖ·zₖ, G_M = Σ uₖ·(zₖzₖᵀ − I), G_σ = tr(G_M)/n, G_B = G_M − G_σ·I;
/// - μ ← μ + η_μ·σ·B·G_δ, σ ← σ·exp(η_σ/2·G_σ), B ← B·exp(η_B/2·G_B),
///
/// with η_μ = 1 and η_σ = η_B = (9 + 3 ln n)/(5·n^1.5). exp of the
/// symmetric G_B is V·diag(e^λ)·Vᵀ from its Jacobi eigendecomposition;
/// G_B is traceless, so det B stays 1 and σ alone carries the scale.
///
/// Samples are evaluated through cma's smooth map onto the box
/// (`BoxTransform`), as CMA-ES does by default; the particles are the
/// evaluated points. The first mean is the adopted leader (the adopted
/// particles are shown until the first generation); on integer and boolean
/// axes the deviation is kept at least `LatticeFloor`'s by scaling B's rows.
public struct ExponentialNES: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "xnes", family: .evolution, keepsSquareMatrix: true,
    summary: "exponential natural evolution strategy: a full Gaussian climbed along the natural gradient",
    specs: [
      HyperparameterSpec(
        "sigma0", symbol: "σ₀", default: 0.2, range: 1e-6...2, scale: .log, unit: .domainWidth,
        help: "initial step size σ"),
      .integer(
        "population", symbol: "λ", default: 0, range: 0...100_000,
        help: "samples per generation (0: 4 + ⌊3 ln n⌋)").countingPoints,
    ])

  public var hyperparameters: Hyperparameters
  private var state: NaturalEvolutionStrategy
  private var sigma: Double
  /// B, with det B = 1 (up to lattice lifts).
  private var shape: SquareMatrix

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    state = NaturalEvolutionStrategy(adopting: particles, context: context)
    sigma = hyperparameters["sigma0"]
    shape = .identity(context.dimension)
  }

  /// η_σ = η_B = (9 + 3 ln n)/(5·n^1.5).
  static func learningRate(dimension n: Int) -> Double {
    let nd = Double(n)
    return (9 + 3 * Double.log(nd)) / (5 * nd * nd.squareRoot())
  }

  /// The next generation on a copy, taken apart after the fact: sample,
  /// rank, recombine, adapt σ.
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (self, f, rng)
    copy.step(&f, rng: &rng)
    let sigma = (inspect().readout("sigma")?.value ?? .nan, copy.inspect().readout("sigma")?.value ?? .nan)
    return state.stages(
      after: copy.state, sigma: sigma,
      formulas: (
        sample: "xₖ = μ + σ·B·zₖ,  zₖ ~ N(0, I), then f(xₖ)", recombine: "μ′ = μ + σ·B·Σ uₖ·zₖ",
        adapt: "σ′ = σ·exp(η_σ/2·Σ uₖ(‖zₖ‖²/n − 1)); B turns by the same utilities"))
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    let n = state.dimension
    let lambda = state.populationSize(hyperparameters)
    let eta = Self.learningRate(dimension: n)

    let (mean, shape, sigma) = (state.mean, self.shape, self.sigma)
    let ranked = state.generate(count: lambda, &f, rng: &rng) { z in
      var x = mean
      x.add(shape.times(z), scaledBy: sigma)
      return x
    }
    var meanGradient = Vector.zeros(n)
    var shapeGradient = SquareMatrix.zeros(n)
    for (u, z) in ranked {
      meanGradient.add(z, scaledBy: u)
      shapeGradient.addOuterProduct(z, z, scaledBy: u)
    }
    let utilitySum = ranked.map(\.utility).reduce(0, +)
    for i in 0..<n { shapeGradient[i, i] -= utilitySum }
    let sigmaGradient = shapeGradient.trace / Double(n)
    for i in 0..<n { shapeGradient[i, i] -= sigmaGradient }

    state.mean.add(self.shape.times(meanGradient), scaledBy: self.sigma)
    self.sigma *= Double.exp(eta / 2 * sigmaGradient)
    shapeGradient.scale(by: eta / 2)
    self.shape = self.shape * SymmetricEigendecomposition(shapeGradient).applying { Double.exp($0) }
    let deviations = (0..<n).map { i in self.sigma * self.shape.row(i).norm }
    if let lifted = state.latticeFloor.liftFactors(deviations: deviations) { self.shape.scaleRows(by: lifted) }
    state.advanceGeneration()
  }

  public var particles: [Particle] { state.samples }

  public var best: Point? { state.bestPoint }

  /// Readouts: σ (log gauge from 10⁻¹⁰·σ₀ to 10·σ₀), the axis ratio of
  /// the search ellipse and the generation. Overlays: the search ellipse of
  /// σ²·B·Bᵀ at two standard deviations, the mean, the samples.
  public func inspect() -> Inspection {
    var covariance = shape * shape.transposed
    covariance.scale(by: sigma * sigma)
    let spread = SymmetricEigendecomposition(covariance).values.map { max($0, 0).squareRoot() }
    return Inspection(
      readouts: state.readouts(
        sigma: sigma, axisRatio: spread.max()! / spread.min()!, sigma0: hyperparameters["sigma0"]),
      overlays: state.overlays(covariance: covariance),
      vectors: [NamedVector("μ", state.mean)])
  }
}
