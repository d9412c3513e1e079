import RealModule

/// AdamSPSA: Adam's moments over SPSA estimates with SPSA's decaying gains
/// and no bias correction. At the k-th step,
/// a_k = a/k^α, β_k = β/k^λ; m₁ = ĝ₁, v₁ = ĝ₁² (the moments start at the
/// first estimate); then m ← β_k·m + (1 − β_k)·ĝ, v ← ζ·v + (1 − ζ)·ĝ²;
/// Δ = −a_k·m/(√v + δ), componentwise.
///
/// The probes' c_k = c/k^γ belongs to the perturbation: the rule hands γ to
/// the source through `DescentState.perturbationExponent`, and the spsa and
/// rdsa sources, which count their estimates as the rule counts its moves,
/// probe at c_k (other sources ignore it). Defaults α = 0.602, γ = 0.101,
/// β = 0.999, λ = 0.5, ζ = 0.999, δ = 1e-6, a = η = 1e-1·w: v starts at
/// ĝ₁² and decays slowly, so a step is about a_k·ĝ/|ĝ₁|, far below a_k once
/// the slope has fallen; the catalog's 1e-2·w reaches the sphere's minimum
/// in a fifth of the seeds within 2000 evaluations, 1e-1·w in every one.
struct AdamSPSAUpdate: UpdateRule {
  static let name = "adam-spsa"
  static let summary = "AdamSPSA: Adam moments without bias correction, decaying a/k^α and β/k^λ"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      LearningRate.decaying,
      HyperparameterSpec(
        "alpha", symbol: "α", default: 0.602, range: 0...1,
        help: "decay of the step: a_k = η/k^α"),
      HyperparameterSpec(
        "gamma", symbol: "γ", default: 0.101, range: 0...1,
        help: "decay of the spsa/rdsa probes: c_k = c/k^γ"),
      HyperparameterSpec(
        "beta", symbol: "β", default: 0.999, range: 0...0.9999,
        help: "first-moment decay at k = 1, falling as β_k = β/k^λ"),
      HyperparameterSpec(
        "lambda", symbol: "λ", default: 0.5, range: 0...2,
        help: "exponent of the first-moment decay's fall: β_k = β/k^λ"),
      HyperparameterSpec(
        "zeta", symbol: "ζ", default: 0.999, range: 0...0.999999,
        help: "decay of the second moment (the mean of ĝ²), fixed"),
      HyperparameterSpec(
        "delta", symbol: "δ", default: 1e-6, range: 1e-16...1, scale: .log,
        help: "added to √v so that a zero gradient does not divide by zero"),
    ]
  }

  /// The first and second moments, m and v.
  private var mean: Vector
  private var meanSquare: Vector
  /// k, the number of updates so far.
  private var count = 0
  /// The last a_k and move, for the readout and the momentum arrow.
  private var lastGain = Double.nan
  private var lastMove: Vector

  init(context: StepContext) {
    mean = .zeros(context.dimension)
    meanSquare = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
  }

  static func perturbationExponent(in hyperparameters: Hyperparameters) -> Double? { hyperparameters["gamma"] }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    let parameters = state.hyperparameters
    count += 1
    let k = Double(count)
    lastGain = parameters[LearningRate.name] / Double.pow(k, parameters["alpha"])
    let beta = parameters["beta"] / Double.pow(k, parameters["lambda"])
    let zeta = parameters["zeta"]
    let delta = parameters["delta"]
    for i in 0..<gradient.dimension {
      let g = gradient[i]
      if count == 1 {
        mean[i] = g
        meanSquare[i] = g * g
      } else {
        mean[i] = beta * mean[i] + (1 - beta) * g
        meanSquare[i] = zeta * meanSquare[i] + (1 - zeta) * g * g
      }
      lastMove[i] = -lastGain * mean[i] / (meanSquare[i].squareRoot() + delta)
    }
    return lastMove
  }

  /// The momentum −m as an arrow and the per-axis scale √v as the box
  /// x ± √v, at their true length (in units of ĝ).
  func inspect(into inspection: inout Inspection, at x: Vector) {
    if count > 0 {
      var scale = meanSquare
      for i in 0..<scale.dimension { scale[i] = meanSquare[i].squareRoot() }
      inspection.overlays.append(.box(lower: x - scale, upper: x + scale, role: .scale))
      inspection.overlays.append(.arrow(from: x, to: x - mean, role: .momentum))
    }
    inspection.vectors.append(NamedVector("m", mean))
    inspection.vectors.append(NamedVector("v", meanSquare))
    inspection.readouts.append(Readout("step-gain", symbol: "a_k", value: lastGain, logarithmic: true))
  }
}
