/// Finite-difference stochastic approximation (FDSA): central differences
/// along each axis, ĝᵢ = (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.
///
/// 2n evaluations per step; h = 1e-4·w by default. A probe that the domain
/// clamps or rounds back (a boundary, an integer axis) gives a smaller or zero
/// difference along that axis.
struct FiniteDifferenceGradient: GradientSource {
  static let name = "fd"
  static let summary = "central differences along each axis (2n evaluations)"
  static let specs = [
    HyperparameterSpec(
      "h", symbol: "h", default: 1e-4, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
      help: "half the distance between the two probes on each axis")
  ]

  init(context: StepContext) {}

  func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let h = state.hyperparameters["h"]
    let x = state.position
    var g = Vector.zeros(x.dimension)
    var probe = x
    for i in 0..<x.dimension {
      probe[i] = x[i] + h
      let forward = f.evaluate(&probe)
      probe = x
      probe[i] = x[i] - h
      let backward = f.evaluate(&probe)
      probe = x
      g[i] = (forward - backward) / (2 * h)
    }
    return g
  }
}
