/// How a population method places members that it did not adopt.
///
/// Every member gets its own place, so that a population has spread to
/// learn from at the first step; the default is `gaussian`, so members
/// never start on one point.
public enum Initialization: String, Sendable, Hashable, CaseIterable {
  /// Every member at the start point.
  case point
  /// N(start, (0.1·w)²) per coordinate.
  case gaussian
  /// Uniform over the domain.
  case uniform
  /// Latin hypercube over the domain: each axis cut into `count` strata,
  /// one member per stratum, strata paired at random.
  case stratified

  /// The `init` hyperparameter every population method declares.
  public static let spec = HyperparameterSpec.choice(
    "init", options: allCases.map(\.rawValue), default: "gaussian",
    help: "how members are placed: at the start, gaussian around it, uniform, or Latin hypercube")

  /// Reads the `init` setting.
  public init(_ hyperparameters: Hyperparameters) {
    self = Initialization(rawValue: hyperparameters.choice("init")) ?? .gaussian
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
    switch self {
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
    }
    return result
  }
}
