import RealModule

/// The strategy parameters of the (μ/μ_w, λ)-CMA-ES for dimension n and
/// population λ: the defaults of Table 1 in Hansen's tutorial ("The CMA
/// Evolution Strategy: A Tutorial", arXiv 1604.00772), active weights
/// included.
///
/// With w′ᵢ = ln((λ + 1)/2) − ln i for i = 1 … λ and μ = ⌊λ/2⌋:
/// - μ_eff = (Σᵢ≤μ w′ᵢ)² / Σᵢ≤μ w′ᵢ², and μ_eff⁻ likewise over i > μ;
/// - c₁ = 2 / ((n + 1.3)² + μ_eff),
///   c_μ = min(1 − c₁, 2·(¼ + μ_eff + 1/μ_eff − 2) / ((n + 2)² + μ_eff));
/// - positive weights wᵢ = w′ᵢ / Σ w′⁺; negative ones
///   wᵢ = min(1 + c₁/c_μ, 1 + 2μ_eff⁻/(μ_eff + 2), (1 − c₁ − c_μ)/(n·c_μ)) · w′ᵢ / Σ|w′⁻|;
/// - c_σ = (μ_eff + 2)/(n + μ_eff + 5),
///   d_σ = 1 + 2·max(0, √((μ_eff − 1)/(n + 1)) − 1) + c_σ;
/// - c_c = (4 + μ_eff/n)/(n + 4 + 2μ_eff/n); c_m = 1.
struct CMAParameters: Sendable, Hashable {
  let dimension: Int
  /// λ, the number of offspring per generation.
  let populationSize: Int
  /// μ = ⌊λ/2⌋, the number with positive weight.
  let parentCount: Int
  /// w₁ ≥ … ≥ w_λ: positive for the μ best, negative for the rest.
  let weights: [Double]
  let effectiveParents: Double
  let rankOneRate: Double
  let rankMuRate: Double
  let sigmaPathRate: Double
  let sigmaDamping: Double
  let covariancePathRate: Double
  /// E‖N(0, I)‖ ≈ √n·(1 − 1/(4n) + 1/(21n²)).
  let expectedNorm: Double

  /// 4 + ⌊3 ln n⌋, the default λ.
  static func defaultPopulationSize(dimension n: Int) -> Int {
    4 + Int((3 * Double.log(Double(n))).rounded(.down))
  }

  init(dimension n: Int, populationSize lambda: Int) {
    precondition(lambda >= 2, "CMA-ES needs λ ≥ 2")
    dimension = n
    populationSize = lambda
    parentCount = lambda / 2
    let mu = parentCount
    let nd = Double(n)
    let raw = (1...lambda).map { Double.log((Double(lambda) + 1) / 2) - Double.log(Double($0)) }
    let positive = raw.prefix(mu), negative = raw.dropFirst(mu)
    let muEff = Self.effectiveCount(positive)
    let muEffMinus = negative.isEmpty ? 0 : Self.effectiveCount(negative)
    let c1 = 2 / ((nd + 1.3) * (nd + 1.3) + muEff)
    let cMu = min(1 - c1, 2 * (0.25 + muEff + 1 / muEff - 2) / ((nd + 2) * (nd + 2) + muEff))
    let positiveSum = positive.reduce(0, +)
    let negativeSum = negative.reduce(0) { $0 + abs($1) }
    let negativeScale = min(1 + c1 / cMu, 1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cMu) / (nd * cMu))
    weights = raw.map { w in
      w >= 0 ? w / positiveSum : (negativeSum > 0 ? negativeScale * w / negativeSum : 0)
    }
    effectiveParents = muEff
    rankOneRate = c1
    rankMuRate = cMu
    sigmaPathRate = (muEff + 2) / (nd + muEff + 5)
    sigmaDamping = 1 + 2 * max(0, ((muEff - 1) / (nd + 1)).squareRoot() - 1) + sigmaPathRate
    covariancePathRate = (4 + muEff / nd) / (nd + 4 + 2 * muEff / nd)
    expectedNorm = nd.squareRoot() * (1 - 1 / (4 * nd) + 1 / (21 * nd * nd))
  }

  /// (Σ wᵢ)² / Σ wᵢ², the variance effective selection mass.
  private static func effectiveCount(_ w: some Collection<Double>) -> Double {
    let sum = w.reduce(0, +)
    return sum * sum / w.reduce(0) { $0 + $1 * $1 }
  }

  /// The generations between two eigendecompositions of C: the tutorial's
  /// λ/(c₁ + c_μ)/n/10 rounded down, which keeps the O(n³) work at O(n²)
  /// per sample; every generation for small n.
  var eigenInterval: Int {
    max(1, Int((Double(populationSize) / (rankOneRate + rankMuRate) / Double(dimension) / 10).rounded(.down)))
  }
}
