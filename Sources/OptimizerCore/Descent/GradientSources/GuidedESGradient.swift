/// Guided evolution strategies (Maheswaranathan et al. 2019): antithetic
/// pairs drawn from a Gaussian that leans toward the subspace of the last
/// k estimates, ĝ = β/(2σ²P) Σ_{P pairs} ε·(f(x + ε) − f(x − ε)).
///
/// U is an orthonormal basis (Gram–Schmidt) of the last k estimates, and
/// ε = √(σ²α/n)·ξ + √(σ²(1−α)/k)·U·ζ with ξ ~ N(0, Iₙ), ζ ~ N(0, I_k): the
/// covariance σ²(α/n·I + (1−α)/k·UUᵀ) mixes the full space (weight α) with
/// the guiding subspace (1 − α). Until k estimates exist, ε = √(σ²/n)·ξ.
/// 2P evaluations per step (per shot). α is the setting `fullSpace`, β
/// `scale` (the update rules' alpha and beta are other things). Defaults
/// α = 0.5, β = 2,
/// σ = 1e-2·w (σ² its variance), k = 1 in 2-D (at most n − 1, so some
/// weight stays outside the subspace), P = 2; with SGD, η = 1e-2·w.
///
/// Shows the sampling ellipse (2 standard deviations) and the guiding
/// subspace's first direction as a segment through x.
struct GuidedESGradient: GradientSource {
  static let name = "guided-es"
  static let summary = "antithetic pairs leaning toward the span of the last k estimates (2P evaluations)"
  static let specs = [
    HyperparameterSpec(
      "fullSpace", symbol: "α", default: 0.5, range: 0...1,
      help: "weight of the full space in the sampling covariance (1 − α: the guiding subspace)"),
    HyperparameterSpec(
      "scale", symbol: "β", default: 2, range: 1e-6...100, scale: .log,
      help: "scale of the estimate: ĝ = β/(2σ²P) Σ ε·(f(x+ε) − f(x−ε))"),
    HyperparameterSpec(
      "sigma", symbol: "σ", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
      help: "sampling scale: ε has variance σ² in all"),
    HyperparameterSpec.integer(
      "k", symbol: "k", default: 1, range: 1...100, help: "past estimates whose span guides the sampling"),
    HyperparameterSpec.integer(
      "pairs", symbol: "P", default: 2, range: 1...100, help: "antithetic pairs x ± ε per step"),
    RandomProbing.shots,
  ]

  /// The last estimates, oldest first, and the basis U sampled from on the
  /// last step (empty while fewer than k estimates exist).
  private var history: [Vector] = []
  private var basis: [Vector] = []
  /// The covariance's weights on I and on UUᵀ on the last step.
  private var fullWeight = 0.0
  private var subspaceWeight = 0.0

  init(context: StepContext) {}

  /// Gram–Schmidt on `vectors`, dropping any that lies (nearly) in the
  /// span of those before it.
  static func orthonormalBasis(_ vectors: [Vector]) -> [Vector] {
    var basis: [Vector] = []
    for vector in vectors {
      var u = vector
      for b in basis { u.add(b, scaledBy: -u.dot(b)) }
      let length = u.norm
      if length > 1e-12 * max(vector.norm, .leastNormalMagnitude) && length.isFinite { basis.append(u / length) }
    }
    return basis
  }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let alpha = state.hyperparameters["fullSpace"]
    let beta = state.hyperparameters["scale"]
    let sigma = state.hyperparameters["sigma"]
    let pairs = state.hyperparameters.integer("pairs")
    let n = state.position.dimension
    let k = min(state.hyperparameters.integer("k"), max(n - 1, 1))
    if history.count > k { history.removeFirst(history.count - k) }
    basis = history.count == k ? Self.orthonormalBasis(history) : []
    let variance = sigma * sigma
    fullWeight = basis.isEmpty ? variance / Double(n) : variance * alpha / Double(n)
    subspaceWeight = basis.isEmpty ? 0 : variance * (1 - alpha) / Double(basis.count)
    let (full, guided) = (fullWeight.squareRoot(), subspaceWeight.squareRoot())
    let g = RandomProbing.averaged(in: state) { _ in
      var sum = Vector.zeros(n)
      for _ in 0..<pairs {
        var epsilon = rng.normalVector(dimension: n) * full
        for b in basis { epsilon.add(b, scaledBy: guided * rng.normal()) }
        var plus = state.position + epsilon
        var minus = state.position - epsilon
        let difference = f.evaluate(&plus) - f.evaluate(&minus)
        sum.add(epsilon, scaledBy: difference)
      }
      return sum * (beta / (2 * variance * Double(pairs)))
    }
    if g.components.allSatisfy(\.isFinite) && g.norm > 0 { history.append(g) }
    if history.count > k { history.removeFirst(history.count - k) }
    return g
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    let n = x.dimension
    for (i, b) in basis.enumerated() { inspection.vectors.append(NamedVector("U\(i + 1)", b)) }
    inspection.readouts.append(Readout("subspace-size", symbol: "k", value: Double(basis.count)))
    guard fullWeight > 0 else { return }
    var block = [[fullWeight, 0], [0, fullWeight]]
    for b in basis {
      for i in 0..<min(n, 2) { for j in 0..<min(n, 2) { block[i][j] += subspaceWeight * b[i] * b[j] } }
    }
    if n == 1 { block = [[block[0][0]]] }
    inspection.overlays.append(.covarianceEllipse(center: x, covariance: block, role: .sampling))
    if let first = basis.first {
      let reach = 2 * (fullWeight + subspaceWeight).squareRoot()
      inspection.overlays.append(.segment(from: x - reach * first, to: x + reach * first, role: .sampling))
    }
  }
}
