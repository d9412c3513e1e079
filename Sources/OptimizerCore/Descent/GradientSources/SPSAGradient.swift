import RealModule

/// Simultaneous perturbation (SPSA): ĝ = (f(x + c·δ) − f(x − c·δ)) / (2c) · δ⁻¹,
/// δ of independent Rademacher signs (so δ⁻¹ = δ).
///
/// Two evaluations per step whatever n; c = 1e-2·w by default. With `gains`
/// on, Spall's schedules apply at the k-th estimate: c_k = c / k^γ and the
/// step gain a_k = a / (A + k)^α, with α = 0.602, γ = 0.101 and A = 0.1 × the
/// evaluation budget (100 when the budget is unknown). The learning rate
/// stays the first step's gain: ĝ is scaled by a_k / a₁ = ((A + 1)/(A + k))^α,
/// which with SGD gives exactly Spall's x ← x − a_k·ĝ with a = η·(A + 1)^α.
/// `clamp` > 0 clips the difference f(x + cδ) − f(x − cδ) to [−clamp, clamp]
/// (loss units), so that one wild pair cannot throw x across the domain.
struct SPSAGradient: GradientSource {
  static let name = "spsa"
  static let summary = "simultaneous perturbation along random ±1 signs (2 evaluations)"
  static let specs = [
    HyperparameterSpec(
      "c", symbol: "c", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
      help: "perturbation size: the probes are x ± c·δ"),
    HyperparameterSpec.flag(
      "gains", symbol: "gains", default: false,
      help: "Spall's decaying gains: c/k^0.101 for the probes, (A+k)^-0.602 for the step"),
    HyperparameterSpec(
      "clamp", symbol: "Δmax", default: 0, range: 0...1e9,
      help: "clip |f(x+cδ) − f(x−cδ)| to this many loss units (0: no clipping)"),
  ]

  /// Spall's α and γ, the exponents of the step and perturbation gains.
  static let stepExponent = 0.602
  static let perturbationExponent = 0.101

  /// Spall's stability constant A: a tenth of the evaluation budget.
  let stability: Double
  /// k, the number of estimates made so far.
  private var count = 0
  /// The last δ, for the inspector.
  private var perturbation: Vector
  /// The last c_k and a_k / a₁, for the readouts.
  private var lastPerturbationSize = Double.nan
  private var lastGain = 1.0

  init(context: StepContext) {
    stability = context.evaluationBudget.map { 0.1 * Double($0) } ?? 100
    perturbation = .zeros(context.dimension)
  }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let c = state.hyperparameters["c"]
    let gains = state.hyperparameters.flag("gains")
    let clamp = state.hyperparameters["clamp"]
    count += 1
    let k = Double(count)
    let size = gains ? c / Double.pow(k, Self.perturbationExponent) : c
    let gain = gains ? Double.pow((stability + 1) / (stability + k), Self.stepExponent) : 1
    perturbation = rng.rademacherVector(dimension: state.position.dimension)
    var plus = state.position
    plus.add(perturbation, scaledBy: size)
    var minus = state.position
    minus.add(perturbation, scaledBy: -size)
    var difference = f.evaluate(&plus) - f.evaluate(&minus)
    if clamp > 0 { difference = min(max(difference, -clamp), clamp) }
    lastPerturbationSize = size
    lastGain = gain
    return (gain * difference / (2 * size)) * perturbation
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.vectors.append(NamedVector("δ", perturbation))
    inspection.readouts.append(Readout("perturbation", symbol: "c_k", value: lastPerturbationSize, logarithmic: true))
    inspection.readouts.append(Readout("gain", symbol: "a_k/a₁", value: lastGain, gauge: 0...1))
  }
}
