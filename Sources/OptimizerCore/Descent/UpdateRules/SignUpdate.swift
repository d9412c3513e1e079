import RealModule

/// Sign descent: Δ = −η_k·sign(ĝ), componentwise (sign(0) = 0), with the
/// step decaying as η_k = η/k^p at the k-th move.
///
/// Every coordinate whose estimate is not zero moves by exactly η_k
/// whatever ĝ's size, so η = 1e-2·w for every source, as for Adam. A
/// constant step cannot settle: it ends swinging about the minimum by η on
/// every axis. With p = 0.5 (the default) the steps still add up without
/// bound, so any distance is covered, while the swing narrows as 1/√k;
/// p = 0 is the constant step.
struct SignUpdate: UpdateRule {
  static let name = "sign"
  static let summary = "x ← x − η_k·sign(ĝ): η_k = η/k^p per coordinate"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      LearningRate.zerothOrder,
      HyperparameterSpec(
        "decay", symbol: "p", default: 0.5, range: 0...1,
        help: "decay of the step: η_k = η/k^p at the k-th move (0: a constant step)"),
    ]
  }

  /// k, the number of moves so far, and the last η_k for the readout.
  private var count = 0
  private var lastStep = Double.nan

  init(context: StepContext) {}

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    count += 1
    let step = state.hyperparameters[LearningRate.name] / Double.pow(Double(count), state.hyperparameters["decay"])
    lastStep = step
    return gradient.map { $0 > 0 ? -step : ($0 < 0 ? step : 0) }
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.readouts.append(Readout("step-gain", symbol: "η_k", value: lastStep, logarithmic: true))
  }
}
