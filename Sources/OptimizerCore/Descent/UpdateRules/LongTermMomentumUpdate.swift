/// Long-term momentum: g_sum ← g_sum + ĝ, never zeroed and never decayed;
/// Δ = −η·g_sum.
///
/// Every estimate the descent ever made keeps pushing, so a consistent
/// direction builds up speed without bound while noise in ĝ averages out
/// (it grows only as √t). The design notes found it sped up RandomGrad a
/// lot at first; the ‖g_sum‖ readout shows how much has built up.
struct LongTermMomentumUpdate: UpdateRule {
  static let name = "long-term-momentum"
  static let summary = "x ← x − η·Σĝ: the sum of every estimate so far"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] { [learningRate] }

  private var sum: Vector

  init(context: StepContext) { sum = .zeros(context.dimension) }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    sum += gradient
    return -state.hyperparameters[LearningRate.name] * sum
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.readouts.append(Readout("gradient-sum", symbol: "‖g_sum‖", value: sum.norm, logarithmic: true))
    inspection.vectors.append(NamedVector("g_sum", sum))
  }
}
