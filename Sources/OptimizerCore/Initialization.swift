/// How a population method places members that it did not adopt: the
/// `init` scheme, with the per-axis normal of `distribution`.
///
/// Every member gets its own place, so that a population has spread to
/// learn from at the first step; the default is `gaussian`, so members
/// never start on one point.
public struct Initialization: Sendable, Hashable {
  public enum Scheme: String, Sendable, Hashable, CaseIterable {
    /// Every member at the start point.
    case point
    /// N(start, (0.1·w)²) per coordinate.
    case gaussian
    /// Uniform over the domain.
    case uniform
    /// Latin hypercube over the domain: each axis cut into `count` strata,
    /// one member per stratum, strata paired at random.
    case stratified
    /// Each member drawn independently from the per-axis normal
    /// N(μᵢ, sᵢ²) (`mean`, `deviation`), stratified: axis i's normal,
    /// truncated to the axis, is cut into `count` strata of equal
    /// probability, each member takes one stratum per axis (strata
    /// shuffled per axis) and a uniform draw inside it through Φ⁻¹, so no
    /// two members start together and none lands off the axis.
    case distribution
  }

  /// The `init` hyperparameter every population method declares, with
  /// `mean` and `deviation` after it.
  public static let spec = HyperparameterSpec.choice(
    "init", options: Scheme.allCases.map(\.rawValue), default: Scheme.gaussian.rawValue,
    help: "how members are placed: at the start, gaussian around it, uniform, Latin hypercube, or stratified per-axis normal")

  /// μ of `distribution`, one per axis (`mean.1` …), declared as the
  /// fraction along the axis: by default its centre.
  public static let mean = HyperparameterSpec(
    "mean", symbol: "μ", default: 0.5, range: 0...1, unit: .axisPosition,
    help: "init=distribution: the normal's centre on each axis (mean=μ₁;μ₂; default the axis's centre)")

  /// s of `distribution`, one per axis (`deviation.1` …), a multiple of
  /// the axis's width: by default a quarter of it.
  public static let deviation = HyperparameterSpec(
    "deviation", symbol: "s", default: 0.25, range: 1e-6...10, scale: .log, unit: .axisWidth,
    help: "init=distribution: the normal's standard deviation on each axis (deviation=s₁;s₂; default a quarter of the axis)")

  public var scheme: Scheme
  /// μᵢ and sᵢ as set, or nil on a domain with more axes than
  /// `Limits.perAxisSettings`, where `distribution` uses the defaults.
  private var means: [Double]?
  private var deviations: [Double]?

  /// Reads `init`, `mean` and `deviation`.
  public init(_ hyperparameters: Hyperparameters) {
    scheme = Scheme(rawValue: hyperparameters.choice("init")) ?? .gaussian
    means = hyperparameters.perAxis(Self.mean.name)
    deviations = hyperparameters.perAxis(Self.deviation.name)
  }

  /// `count` positions: the adopted particles' positions first (as many as
  /// fit), then new ones placed around the best adopted point (or the
  /// domain's centre) by this scheme. All are projected onto the domain.
  public func positions(
    count: Int, adopting particles: [Particle], domain: Domain, rng: inout SeededGenerator
  ) -> [Vector] {
    var result = particles.prefix(count).map { domain.projected($0.position) }
    let start = particles.leader?.position ?? domain.center
    let missing = count - result.count
    guard missing > 0 else { return result }
    switch scheme {
    case .point:
      result += Array(repeating: domain.projected(start), count: missing)
    case .gaussian:
      let sigma = 0.1 * domain.width
      for _ in 0..<missing {
        var x = start
        for i in 0..<x.dimension { x[i] += sigma * rng.normal() }
        result.append(domain.projected(x))
      }
    case .uniform:
      for _ in 0..<missing { result.append(domain.randomPoint(using: &rng)) }
    case .stratified:
      let n = domain.dimension
      let permutations = (0..<n).map { _ in rng.shuffled(Array(0..<missing)) }
      for member in 0..<missing {
        var x = Vector.zeros(n)
        for axis in 0..<n {
          let a = domain.axes[axis]
          let stratum = Double(permutations[axis][member])
          x[axis] = a.lower + a.width * (stratum + rng.uniform()) / Double(missing)
        }
        result.append(domain.projected(x))
      }
    case .distribution:
      let n = domain.dimension
      let permutations = (0..<n).map { _ in rng.shuffled(Array(0..<missing)) }
      // Φ at the axis's ends, for the normal truncated to the axis.
      let normals = domain.axes.indices.map { axis in
        let a = domain.axes[axis]
        let mu = means?[axis] ?? (a.lower + a.upper) / 2
        let s = deviations?[axis] ?? Self.deviation.defaultValue * a.width
        return (mu: mu, s: s, low: StandardNormal.cdf((a.lower - mu) / s), high: StandardNormal.cdf((a.upper - mu) / s))
      }
      for member in 0..<missing {
        var x = Vector.zeros(n)
        for axis in 0..<n {
          let normal = normals[axis]
          let p = (Double(permutations[axis][member]) + rng.uniform()) / Double(missing)
          x[axis] = normal.mu + normal.s * StandardNormal.quantile(normal.low + p * (normal.high - normal.low))
        }
        result.append(domain.projected(x))
      }
    }
    return result
  }
}
