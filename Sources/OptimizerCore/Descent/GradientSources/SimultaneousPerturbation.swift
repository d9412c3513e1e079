import RealModule

/// What SPSA and RDSA share: two probes x ± c·δ along one random
/// perturbation δ, ĝ = (f(x + c·δ) − f(x − c·δ)) / (2c) · δ.
///
/// The sources differ only in how they draw δ. For SPSA's Rademacher signs
/// δ⁻¹ = δ, so Spall's elementwise inverse and RDSA's plain δ are one
/// formula; smoothed directions move δ off {±1}ⁿ, and keeping δ rather than
/// δ⁻¹ then keeps ĝ bounded where a component of δ nears zero.
///
/// Two evaluations per step (per shot) whatever n; c = 1e-2·w by default,
/// and 1e-4·w in the `spsa` and `adamspsa` presets (`presetDefaults`).
/// With `gains`
/// on, Spall's schedules apply at the k-th estimate: c_k = c / k^γ and the
/// step gain a_k = a / (A + k)^α, with α = 0.602, γ = 0.101 and A = 0.1 × the
/// evaluation budget (100 when the budget is unknown). The learning rate
/// stays the first step's gain: ĝ is scaled by a_k / a₁ = ((A + 1)/(A + k))^α,
/// which with SGD gives exactly Spall's x ← x − a_k·ĝ with a = η·(A + 1)^α.
/// `clamp` > 0 clips the difference f(x + cδ) − f(x − cδ) to [−clamp, clamp]
/// (loss units), so that one wild pair cannot throw x across the domain.
/// An update rule that decays the perturbation itself (adam-spsa) sets
/// c_k = c/k^γ with its own γ, gains or not.
///
/// With lookahead the pair is the rule's move for ĝ = −δ and for ĝ = +δ,
/// and ĝ = sign(f₊ − f₋)·δ picks the better one (its loss is reused): c,
/// the gains and the clamp then play no part.
struct SimultaneousPerturbation: Sendable {
  static let specs =
    [
      HyperparameterSpec(
        "c", symbol: "c", default: 1e-2, range: 1e-10...0.5, scale: .log, unit: .domainWidth,
        help: "perturbation size: the probes are x ± c·δ (default a fraction of w; under noise, about its σ)"),
      HyperparameterSpec.flag(
        "gains", symbol: "gains", default: false,
        help: "Spall's decaying gains: c/k^0.101 for the probes, (A+k)^-0.602 for the step"),
      HyperparameterSpec(
        "clamp", symbol: "Δmax", default: 0, range: 0...1e9,
        help: "clip |f(x+cδ) − f(x−cδ)| to this many loss units (0: no clipping)"),
    ] + RandomProbing.specs

  /// The presets' c = 1e-4·w, as FDSA's h: x itself is never evaluated, so
  /// the probes x ± c·δ are all that a run's best sees of it, and without
  /// noise a small c both measures the slope at x and lands the probes next
  /// to it (with 1e-2·w the sphere's best stays about 2c² above f*). Under
  /// noise c should be about the noise's σ, or the difference is mostly
  /// noise (docs/OPTIMIZERS.md, `spsa`). The parts keep 1e-2·w, so that
  /// descents built from them replay as they were saved.
  static let presetDefaults = ["c": 1e-4]

  /// Spall's α and γ, the exponents of the step and perturbation gains.
  static let stepExponent = 0.602
  static let perturbationExponent = 0.101

  /// Spall's stability constant A: a tenth of the evaluation budget.
  let stability: Double
  private var probing = RandomProbing()
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

  var evaluatedTarget: Point? { probing.evaluatedTarget }

  /// ĝ from the pair along a direction `draw` gives (smoothed first when
  /// ρ > 0), averaged over the shots; k counts steps, not shots.
  mutating func estimate(in state: DescentState, f: inout Evaluator, draw: () -> Vector) -> Vector {
    let c = state.hyperparameters["c"]
    let gains = state.hyperparameters.flag("gains")
    let clamp = state.hyperparameters["clamp"]
    probing.begin()
    count += 1
    let k = Double(count)
    let exponent = state.perturbationExponent ?? (gains ? Self.perturbationExponent : nil)
    let size = exponent.map { c / Double.pow(k, $0) } ?? c
    let gain = gains ? Double.pow((stability + 1) / (stability + k), Self.stepExponent) : 1
    return RandomProbing.averaged(in: state) { shot in
      perturbation = probing.direction(draw(), slot: shot, in: state)
      var plus = probing.probe(along: perturbation, distance: size, in: state)
      var minus = probing.probe(along: -perturbation, distance: size, in: state)
      let plusLoss = f.evaluate(&plus)
      let minusLoss = f.evaluate(&minus)
      if RandomProbing.isLookahead(state) {
        let sign = RandomProbing.sign(plusLoss - minusLoss)
        if sign < 0 { probing.accept(Point(position: plus, loss: plusLoss), in: state) }
        if sign > 0 { probing.accept(Point(position: minus, loss: minusLoss), in: state) }
        lastPerturbationSize = .nan
        lastGain = 1
        return sign * perturbation
      }
      var difference = plusLoss - minusLoss
      if clamp > 0 { difference = min(max(difference, -clamp), clamp) }
      lastPerturbationSize = size
      lastGain = gain
      return (gain * difference / (2 * size)) * perturbation
    }
  }

  func inspect(into inspection: inout Inspection) {
    inspection.vectors.append(NamedVector("δ", perturbation))
    inspection.readouts.append(Readout("perturbation", symbol: "c_k", value: lastPerturbationSize, logarithmic: true))
    inspection.readouts.append(Readout("gain", symbol: "a_k/a₁", value: lastGain, gauge: 0...1))
  }
}
