/// Plain (stochastic) gradient descent: Δ = −η·ĝ.
struct SGDUpdate: UpdateRule {
  static let name = "sgd"
  static let summary = "x ← x − η·ĝ"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] { [learningRate] }

  init(context: StepContext) {}

  func move(for gradient: Vector, in state: DescentState) -> Vector {
    -state.hyperparameters[LearningRate.name] * gradient
  }
}

extension SGDUpdate {
  /// Δ = −η·ĝ.
  func stages(for gradient: Vector, in state: DescentState) -> [InspectionStage] {
    let eta = state.hyperparameters[LearningRate.name]
    return [
      InspectionStage(
        "update: sgd", formula: "Δ = −η·ĝ", values: [.number("η", eta), .vector("ĝ", gradient), .vector("Δ", move(for: gradient, in: state))])
    ]
  }
}
