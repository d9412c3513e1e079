import Testing

@testable import OptimizerCore

/// CMA-ES's strategy parameters are those of the tutorial's Table 1: the
/// weights, μ_eff, c₁, c_μ and c_c equal the `cma` package's (printed by
/// cma 4.x for these n and λ), and c_σ, d_σ follow the tutorial's formulas
/// (cma uses n + μ_eff + 3 and caps c_σ at ½ instead).
@Suite struct CMAParametersTests {
  struct Reference: Sendable {
    var dimension, population: Int
    var effectiveParents, rankOne, rankMu, covariancePath, sigmaPath, damping: Double
    var weights: [Double]
  }

  static let references = [
    Reference(
      dimension: 2, population: 6, effectiveParents: 2.0286114646100617, rankOne: 0.1548153998964136,
      rankMu: 0.08559277942666424, covariancePath: 0.6245545390268264, sigmaPath: 0.44620498737831715,
      damping: 1.4462049873783172,
      weights: [0.6370425712, 0.2845702574, 0.0783871713, -0.2863837826, -0.7649580941, -1.1559817782]),
    Reference(
      dimension: 10, population: 10, effectiveParents: 3.1672992814107017, rankOne: 0.015283824524751714,
      rankMu: 0.02355177665041747, covariancePath: 0.29499038303562225, sigmaPath: 0.2844285879463675,
      damping: 1.2844285879463675,
      weights: [
        0.4562726469, 0.270753097, 0.1622311172, 0.0852335471, 0.0255095918, -0.0800126076, -0.221764161,
        -0.3445549418, -0.4528640864, -0.5497499177,
      ]),
    Reference(
      dimension: 3, population: 24, effectiveParents: 7.02637555759215, rankOne: 0.07838103791370635,
      rankMu: 0.338389614809741, covariancePath: 0.5427926468616103, sigmaPath: 0.6007021136265644,
      damping: 2.055569840733699,
      weights: [
        0.2447048869, 0.1775494136, 0.1382659801, 0.1103939404, 0.0887747068, 0.0711105068, 0.0561756385,
        0.0432384671, 0.0318270732, 0.0216192336, 0.0123851194, 0.0039550336, -0.0050198311, -0.0145048577,
        -0.0233352062, -0.0315954455, -0.0393547477, -0.0466704123, -0.0535904375, -0.0601554297,
        -0.066400048, -0.0723541117, -0.0780434611, -0.0834906358,
      ]),
  ]

  @Test(arguments: references)
  func matchTableOne(reference r: Reference) {
    let p = CMAParameters(dimension: r.dimension, populationSize: r.population)
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-13) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }
    #expect(p.parentCount == r.population / 2)
    #expect(close(p.effectiveParents, r.effectiveParents))
    #expect(close(p.rankOneRate, r.rankOne))
    #expect(close(p.rankMuRate, r.rankMu))
    #expect(close(p.covariancePathRate, r.covariancePath))
    #expect(close(p.sigmaPathRate, r.sigmaPath))
    #expect(close(p.sigmaDamping, r.damping))
    #expect(p.weights.count == r.weights.count)
    for (ours, theirs) in zip(p.weights, r.weights) { #expect(close(ours, theirs, 1e-9)) }
    let positive = p.weights.filter { $0 > 0 }.reduce(0, +)
    #expect(abs(positive - 1) < 1e-14)
  }

  /// λ = 4 + ⌊3 ln n⌋: 4, 6, 7, 8, 10 and 17 for n = 1, 2, 3, 5, 10, 100.
  @Test func defaultPopulationGrowsWithTheLogarithmOfN() {
    let sizes = [1, 2, 3, 5, 10, 100].map { CMAParameters.defaultPopulationSize(dimension: $0) }
    #expect(sizes == [4, 6, 7, 8, 10, 17])
  }
}
