/// Second-order SPSA (Spall 2000): the SPSA gradient preconditioned by an
/// averaged simultaneous-perturbation Hessian, so that SGD's step
/// Δ = −a·ĝ solves (H̄ + εI)·Δ = −a·g, a Newton step.
///
/// Per step, with δ₁, δ₂ independent Rademacher signs (δ⁻¹ = δ) and four
/// probes x ± cδ₁, x + c(δ₁ + δ₂), x − c(δ₁ − δ₂):
/// g = (f(x + cδ₁) − f(x − cδ₁)) / (2c) · δ₁,
/// Ĥ = (f(x + c(δ₁+δ₂)) − f(x + cδ₁) − f(x − c(δ₁−δ₂)) + f(x − cδ₁)) / (4c²)
///     · (δ₁δ₂ᵀ + δ₂δ₁ᵀ),
/// whose mean is the Hessian; H̄_k = Ĥ/k + (k − 1)·H̄_{k−1}/k is their
/// running mean over the k steps. H̄ = V·diag(λ)·Vᵀ is made positive
/// definite before it is solved against: |λ| (√(H̄²), Spall's choice, the
/// default) or max(λ, 0) (an eigenvalue floor), then + ε. So
/// ĝ = V·diag(1/(|λ| + ε))·Vᵀ·g. With shots, g and Ĥ are each the mean of
/// that many independent estimates (four evaluations each) and H̄ takes
/// their mean once per step. Defaults c = 1e-2·w, ε = 1e-3; the preset
/// adds SGD (η = a = 1e-2·w) and the blocking guard.
///
/// Shows H̄'s ellipse: the level set of the quadratic model, axes along
/// H̄'s eigenvectors with lengths ∝ 1/√(|λ| + ε), the longest a tenth of w.
struct SecondOrderSPSAGradient: GradientSource {
  static let name = "spsa2"
  static let summary = "SPSA gradient solved against an averaged SPSA Hessian (4 evaluations)"
  /// H̄ is n×n.
  static let keepsSquareMatrix = true
  static let specs = [
    HyperparameterSpec(
      "c", symbol: "c", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
      help: "perturbation size: the probes are x ± c·δ₁ and x ± c·δ₁ + c·δ₂"),
    HyperparameterSpec(
      "epsilon", symbol: "ε", default: 1e-3, range: 1e-12...1e3, scale: .log,
      help: "added to H̄'s made-positive eigenvalues before solving (H̄ + εI)·Δ = −a·g"),
    HyperparameterSpec.choice(
      "definite", options: ["abs", "floor"], default: "abs",
      help: "how H̄ is made positive: |λ| (√(H̄²)) or an eigenvalue floor max(λ, 0)"),
    DirectionSmoothing.spec,
    RandomProbing.shots,
  ]

  private var probing = RandomProbing()
  /// H̄, the running mean of the Hessian estimates, and k.
  private(set) var averagedHessian: SquareMatrix
  private var count = 0
  /// (H̄ made positive + εI)⁻¹, for the ellipse.
  private var inverse: SquareMatrix
  private let width: Double

  init(context: StepContext) {
    averagedHessian = .zeros(context.dimension)
    inverse = .zeros(context.dimension)
    width = context.width
  }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let c = state.hyperparameters["c"]
    let epsilon = state.hyperparameters["epsilon"]
    let floor = state.hyperparameters.choice("definite") == "floor"
    let n = state.position.dimension
    let shots = state.hyperparameters.integer("shots")
    count += 1
    let k = Double(count)
    averagedHessian.scale(by: (k - 1) / k)
    let gradient = RandomProbing.averaged(in: state) { shot in
      let first = probing.direction(rng.rademacherVector(dimension: n), slot: 2 * shot, in: state)
      let second = probing.direction(rng.rademacherVector(dimension: n), slot: 2 * shot + 1, in: state)
      let plus = Self.loss(at: state.position, first, c, second, 0, f: &f)
      let minus = Self.loss(at: state.position, first, -c, second, 0, f: &f)
      let plusBoth = Self.loss(at: state.position, first, c, second, c, f: &f)
      let minusFirst = Self.loss(at: state.position, first, -c, second, c, f: &f)
      // Ĥ's share of H̄_k: a non-finite one (a probe where f is undefined) counts as 0.
      let share = (plusBoth - plus - minusFirst + minus) / (4 * c * c) / (Double(shots) * k)
      if share.isFinite {
        averagedHessian.addOuterProduct(first, second, scaledBy: share)
        averagedHessian.addOuterProduct(second, first, scaledBy: share)
      }
      return ((plus - minus) / (2 * c)) * first
    }
    let decomposition = SymmetricEigendecomposition(averagedHessian)
    inverse = decomposition.applying { 1 / ((floor ? max($0, 0) : abs($0)) + epsilon) }
    return inverse.times(gradient)
  }

  /// f(x + a·u + b·v), evaluated (the evaluator projects it).
  private static func loss(
    at x: Vector, _ u: Vector, _ a: Double, _ v: Vector, _ b: Double, f: inout Evaluator
  ) -> Double {
    var probe = x
    probe.add(u, scaledBy: a)
    if b != 0 { probe.add(v, scaledBy: b) }
    return f.evaluate(&probe)
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    let n = x.dimension
    for i in 0..<n { inspection.vectors.append(NamedVector("H̄\(i + 1)", averagedHessian.row(i))) }
    inspection.readouts.append(Readout("hessian-estimates", symbol: "k", value: Double(count)))
    guard count > 0 else { return }
    let block = n > 1
      ? [[inverse[0, 0], inverse[0, 1]], [inverse[1, 0], inverse[1, 1]]] : [[inverse[0, 0]]]
    let a = block[0][0], d = n > 1 ? block[1][1] : a, b = n > 1 ? block[0][1] : 0
    let largest = (a + d) / 2 + (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
    guard largest > 0 && largest.isFinite else { return }
    inspection.overlays.append(
      .covarianceEllipse(center: x, covariance: block, scale: 0.1 * width / largest.squareRoot(), role: .covariance))
  }
}
