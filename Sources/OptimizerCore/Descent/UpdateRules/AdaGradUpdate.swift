/// AdaGrad (Duchi, Hazan and Singer): G ← G + ĝ², Δ = −η·ĝ / (√G + ε),
/// componentwise.
///
/// The sum of every squared estimate so far divides each coordinate's step:
/// the first step moves η along every axis whose estimate is not zero, and
/// an axis that keeps a steep slope slows down for good, since G never
/// decays. η = 1e-1·w for every source: the steps shrink as G grows, so it
/// starts ten times Adam's; ε = 1e-8.
struct AdaGradUpdate: UpdateRule {
  static let name = "adagrad"
  static let summary = "AdaGrad: ĝ divided by the root of the sum of every ĝ² so far, per axis"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      LearningRate.decaying,
      HyperparameterSpec(
        "eps", symbol: "ε", default: 1e-8, range: 1e-16...1, scale: .log,
        help: "added to √G so that a zero gradient does not divide by zero"),
    ]
  }

  /// G, the sum of every ĝ² so far.
  private var sumOfSquares: Vector
  /// The move's buffer, reused every step (the descent keeps and draws
  /// the move it takes).
  private var lastMove: Vector

  init(context: StepContext) {
    sumOfSquares = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
  }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    let lr = state.hyperparameters[LearningRate.name]
    let eps = state.hyperparameters["eps"]
    for i in 0..<gradient.dimension {
      let g = gradient[i]
      sumOfSquares[i] += g * g
      lastMove[i] = -lr * g / (sumOfSquares[i].squareRoot() + eps)
    }
    return lastMove
  }

  /// The per-axis scale √G as a box around x, as Adam's √v̂ (the descent
  /// draws the step itself); AdaGrad has no momentum to draw.
  func inspect(into inspection: inout Inspection, at x: Vector) {
    let scale = sumOfSquares.map { $0.squareRoot() }
    if scale.norm > 0 { inspection.overlays.append(.box(lower: x - scale, upper: x + scale, role: .scale)) }
    inspection.vectors.append(NamedVector("G", sumOfSquares))
    inspection.vectors.append(NamedVector("√G", scale))
  }
}
