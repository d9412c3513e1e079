import RealModule

/// The rank-based fitness shaping of natural evolution strategies (Wierstra
/// et al., "Natural Evolution Strategies", JMLR 2014):
/// uᵢ = max(0, ln(λ/2 + 1) − ln i) / Σⱼ max(0, ln(λ/2 + 1) − ln j) − 1/λ
/// for the i-th best of λ samples.
///
/// The utilities sum to 0, so a generation of equal losses moves nothing;
/// the better half get positive weight decreasing with rank, the rest −1/λ.
enum NESUtilities {
  /// u₁ … u_λ, best rank first.
  static func utilities(count lambda: Int) -> [Double] {
    let top = Double.log(Double(lambda) / 2 + 1)
    let raw = (1...lambda).map { max(0, top - Double.log(Double($0))) }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total - 1 / Double(lambda) }
  }

  /// λ = 4 + ⌊3 ln n⌋, the default population.
  static func defaultPopulationSize(dimension n: Int) -> Int {
    CMAParameters.defaultPopulationSize(dimension: n)
  }
}
