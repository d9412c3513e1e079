/// Gaussian smoothing (Nesterov and Spokoiny): the gradient of f smoothed
/// by a Gaussian of width σ, estimated from k forward differences,
/// ĝ = (1/kσ) Σⱼ (f(x + σ·ξⱼ) − f(x))·ξⱼ with ξⱼ ~ N(0, I).
///
/// k evaluations per step plus f(x), which the descent keeps known.
/// Defaults k = 8, σ = 1e-2·w: σ sets the scale of features the estimate
/// smooths away. Smoothed directions keep one smoothed ξ per probe slot;
/// with lookahead each probe is the rule's move along its ξⱼ and counts
/// only by its sign, ĝ = (1/k) Σⱼ sign(f(x + Δ(−ξⱼ)) − f(x))·ξⱼ.
struct GaussianSmoothingGradient: GradientSource {
  static let name = "gaussian-smoothing"
  static let summary = "forward differences along k Gaussian directions (k evaluations + f(x))"
  static let specs =
    [
      HyperparameterSpec.integer(
        "k", symbol: "k", default: 8, range: 1...100, help: "Gaussian directions averaged per step"),
      HyperparameterSpec(
        "sigma", symbol: "σ", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
        help: "smoothing width: the probes are x + σ·ξ"),
    ] + RandomProbing.specs
  static let tracksLoss = true

  private var probing = RandomProbing()

  init(context: StepContext) {}

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let k = state.hyperparameters.integer("k")
    let sigma = state.hyperparameters["sigma"]
    let lookahead = RandomProbing.isLookahead(state)
    let here = state.point.loss
    let dimension = state.position.dimension
    probing.begin()
    return RandomProbing.averaged(in: state) { shot in
      var g = Vector.zeros(dimension)
      for slot in 0..<k {
        let xi = probing.direction(rng.normalVector(dimension: dimension), slot: shot * k + slot, in: state)
        var probe = probing.probe(along: xi, distance: sigma, in: state)
        let difference = f.evaluate(&probe) - here
        let weight = lookahead ? RandomProbing.sign(difference) : difference / sigma
        g.add(xi, scaledBy: weight / Double(k))
      }
      return g
    }
  }
}
