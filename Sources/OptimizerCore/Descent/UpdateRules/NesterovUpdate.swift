/// Nesterov's look-ahead momentum, in the form that needs ĝ at x only
/// (Sutskever et al.; PyTorch's `nesterov=True`): v ← β·v − η·ĝ,
/// Δ = β·v − η·ĝ with the new v.
///
/// The step already includes the next step's momentum, the look-ahead that
/// lets Nesterov brake before an overshoot that heavy-ball momentum only
/// notices after it. β = 0.9 by default.
struct NesterovUpdate: UpdateRule {
  static let name = "nesterov"
  static let summary = "look-ahead momentum: v ← β·v − η·ĝ, x ← x + β·v − η·ĝ"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    MomentumUpdate.specs(learningRate: learningRate)
  }

  private var velocity: Vector

  init(context: StepContext) { velocity = .zeros(context.dimension) }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    let beta = state.hyperparameters["beta"]
    let lr = state.hyperparameters[LearningRate.name]
    velocity *= beta
    velocity.add(gradient, scaledBy: -lr)
    var step = beta * velocity
    step.add(gradient, scaledBy: -lr)
    return step
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.readouts.append(Readout("velocity", symbol: "‖v‖", value: velocity.norm, logarithmic: true))
    inspection.overlays.append(.arrow(from: x, to: x + velocity, role: .momentum))
    inspection.vectors.append(NamedVector("v", velocity))
  }
}
