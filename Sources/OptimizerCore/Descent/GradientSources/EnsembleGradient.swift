/// The particle-difference (ensemble-Kalman) gradient: J probes
/// xⱼ = x + σ·ξⱼ with ξⱼ ~ N(0, I), and ĝ = C^{xf}/σ² with the ensemble's
/// cross-covariance C^{xf} = (1/J) Σⱼ (fⱼ − f̄)(xⱼ − x̄), x̄ and f̄ the
/// probes' means: the gradient as differences between particles, as EKI
/// moves its members (docs/ARCHITECTURE.md, "Where the optimizers live").
///
/// For a linear f, E[C^{xf}] = σ²·(J − 1)/J·∇f. The probes are taken where
/// they were evaluated (projected onto the domain), so x̄ and the
/// differences are the points f was measured at. J evaluations per step;
/// f(x) itself is never needed. Defaults J = 8, σ = 1e-2·w.
struct EnsembleGradient: GradientSource {
  static let name = "ensemble"
  static let summary = "cross-covariance of f over J Gaussian probes around x, C^{xf}/σ² (J evaluations)"
  static let specs = [
    HyperparameterSpec.integer(
      "probes", symbol: "J", default: 8, range: 2...100, help: "ensemble size: the probes x + σ·ξⱼ per step"),
    HyperparameterSpec(
      "spread", symbol: "σ", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
      help: "the ensemble's spread around x; ĝ = C^{xf}/σ²"),
  ]

  /// The last step's probes, for the map.
  private var ensemble: [Vector] = []
  /// Their mean x̄.
  private var mean: Vector

  init(context: StepContext) { mean = .zeros(context.dimension) }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let count = state.hyperparameters.integer("probes")
    let sigma = state.hyperparameters["spread"]
    let dimension = state.position.dimension
    var points: [Vector] = []
    var losses: [Double] = []
    points.reserveCapacity(count)
    losses.reserveCapacity(count)
    for _ in 0..<count {
      var probe = state.position
      probe.add(rng.normalVector(dimension: dimension), scaledBy: sigma)
      losses.append(f.evaluate(&probe))
      points.append(probe)
    }
    let j = Double(count)
    var xBar = Vector.zeros(dimension)
    for point in points { xBar.add(point, scaledBy: 1 / j) }
    let fBar = losses.reduce(0, +) / j
    var g = Vector.zeros(dimension)
    for (point, loss) in zip(points, losses) where loss.isFinite {
      g.add(point - xBar, scaledBy: (loss - fBar) / (j * sigma * sigma))
    }
    ensemble = points
    mean = xBar
    return fBar.isFinite ? g : .zeros(dimension)
  }

  /// The ensemble as marks and its mean x̄.
  func inspect(into inspection: inout Inspection, at x: Vector) {
    guard !ensemble.isEmpty else { return }
    inspection.overlays.append(.marks(ensemble, role: .ensemble))
    inspection.overlays.append(.mark(at: mean, role: .mean))
    inspection.vectors.append(NamedVector("ensemble-mean", mean))
    inspection.readouts.append(Readout("ensemble-size", symbol: "J", value: Double(ensemble.count)))
  }
}
