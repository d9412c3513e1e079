/// Sign descent: Δ = −η·sign(ĝ), componentwise (sign(0) = 0).
///
/// Every coordinate whose estimate is not zero moves by exactly η whatever
/// ĝ's size, so η = 1e-2·w for every source, as for Adam.
struct SignUpdate: UpdateRule {
  static let name = "sign"
  static let summary = "x ← x − η·sign(ĝ): η per coordinate"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] { [LearningRate.zerothOrder] }

  init(context: StepContext) {}

  func move(for gradient: Vector, in state: DescentState) -> Vector {
    let lr = state.hyperparameters[LearningRate.name]
    return gradient.map { $0 > 0 ? -lr : ($0 < 0 ? lr : 0) }
  }
}
