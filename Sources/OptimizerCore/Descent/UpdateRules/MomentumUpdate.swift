/// Heavy-ball momentum (Polyak): v ← β·v − η·ĝ, Δ = v.
///
/// The velocity starts at zero; β = 0.9 by default, so a constant gradient
/// builds up to a step ten times SGD's.
struct MomentumUpdate: UpdateRule {
  static let name = "momentum"
  static let summary = "heavy ball: v ← β·v − η·ĝ, x ← x + v"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      learningRate,
      HyperparameterSpec(
        "beta", symbol: "β", default: 0.9, range: 0...0.9999,
        help: "momentum: the fraction of the velocity kept each step"),
    ]
  }

  private var velocity: Vector

  init(context: StepContext) { velocity = .zeros(context.dimension) }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    velocity *= state.hyperparameters["beta"]
    velocity.add(gradient, scaledBy: -state.hyperparameters[LearningRate.name])
    return velocity
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.readouts.append(Readout("velocity", symbol: "‖v‖", value: velocity.norm, logarithmic: true))
    inspection.overlays.append(.arrow(from: x, to: x + velocity, role: .momentum))
    inspection.vectors.append(NamedVector("v", velocity))
  }
}

extension MomentumUpdate {
  /// The blend v ← β·v − η·ĝ, with its two terms.
  func stages(for gradient: Vector, in state: DescentState) -> [InspectionStage] {
    let (beta, eta) = (state.hyperparameters["beta"], state.hyperparameters[LearningRate.name])
    var copy = self
    let blended = copy.move(for: gradient, in: state)
    return [
      InspectionStage(
        "momentum blend", formula: "v ← β·v − η·ĝ, Δ = v",
        values: [
          .number("β", beta), .vector("β·v", beta * velocity), .number("η", eta), .vector("−η·ĝ", -eta * gradient),
          .vector("v = Δ", blended),
        ])
    ]
  }
}
