/// How a child's position is made from two parents' positions a and b:
/// torchzero's crossover strategies, applied to one point of Rⁿ.
///
/// Used where a population replaces a member by a child of two good ones
/// (the gravity swarm's respawns, optimizer evolution's births).
enum Crossover: String, CaseIterable, Sendable {
  /// One parent's position whole, each with probability ½.
  case swap
  /// Each coordinate from either parent with probability ½.
  case uniform
  /// The coordinates before a random cut c ∈ 1..<n from one parent, the
  /// rest from the other (which parent comes first is a coin flip); in one
  /// dimension, as `swap`.
  case onePoint = "one-point"
  /// The midpoint (a + b) / 2.
  case midpoint

  /// The `crossover` hyperparameter of a population that breeds children.
  static func spec(default strategy: Crossover) -> HyperparameterSpec {
    .choice(
      "crossover", options: allCases.map(\.rawValue), default: strategy.rawValue,
      help: "how a child's position mixes two parents': swap, uniform, one-point or midpoint")
  }

  /// Reads the `crossover` setting.
  init(_ hyperparameters: Hyperparameters) {
    self = Crossover(rawValue: hyperparameters.choice("crossover")) ?? .uniform
  }

  /// A child of a and b (of equal dimension).
  func child(of a: Vector, and b: Vector, rng: inout SeededGenerator) -> Vector {
    precondition(a.dimension == b.dimension, "parents differ in dimension")
    let n = a.dimension
    switch self {
    case .swap:
      return rng.bernoulli(0.5) ? a : b
    case .uniform:
      var child = a
      for i in 0..<n where rng.bernoulli(0.5) { child[i] = b[i] }
      return child
    case .onePoint:
      let (first, second) = rng.bernoulli(0.5) ? (a, b) : (b, a)
      guard n > 1 else { return first }
      let cut = rng.integer(in: 1...(n - 1))
      var child = first
      for i in cut..<n { child[i] = second[i] }
      return child
    case .midpoint:
      var child = a
      child.add(b, scaledBy: 1)
      child *= 0.5
      return child
    }
  }
}
