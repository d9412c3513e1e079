/// RMSProp (Hinton's lecture notes; PyTorch's `RMSprop`):
/// v ← ρ·v + (1 − ρ)·ĝ², Δ = −η·ĝ / (√v + ε), componentwise.
///
/// A running mean of the squared estimate divides each coordinate's step,
/// so every axis moves about η whatever its slope; unlike Adam there is no
/// first moment and no bias correction (v starts at zero, so the first
/// steps are up to 1/√(1 − ρ) times η). Near a minimum it keeps moving
/// about η per axis (v decays as fast as ĝ shrinks), so it swings about
/// the minimum by about η: η = 1e-3·w for every source, a tenth of Adam's,
/// whose momentum damps that swing; ρ = 0.9 (the setting `rmsDecay`, as
/// the random sources' `rho` is another thing), ε = 1e-8.
struct RMSPropUpdate: UpdateRule {
  static let name = "rmsprop"
  static let summary = "RMSProp: ĝ divided by the root of a running mean of ĝ², per axis"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      LearningRate.relative(1e-3),
      HyperparameterSpec(
        "rmsDecay", symbol: "ρ_v", default: 0.9, range: 0...0.9999,
        help: "ρ, the decay of the running mean of ĝ²"),
      HyperparameterSpec(
        "eps", symbol: "ε", default: 1e-8, range: 1e-16...1, scale: .log,
        help: "added to √v so that a zero gradient does not divide by zero"),
    ]
  }

  /// v, the running mean of ĝ².
  private var meanSquare: Vector
  /// The move's buffer, reused every step (the descent keeps and draws
  /// the move it takes).
  private var lastMove: Vector

  init(context: StepContext) {
    meanSquare = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
  }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    let lr = state.hyperparameters[LearningRate.name]
    let rho = state.hyperparameters["rmsDecay"]
    let eps = state.hyperparameters["eps"]
    for i in 0..<gradient.dimension {
      let g = gradient[i]
      meanSquare[i] = rho * meanSquare[i] + (1 - rho) * g * g
      lastMove[i] = -lr * g / (meanSquare[i].squareRoot() + eps)
    }
    return lastMove
  }

  /// The per-axis scale √v as a box around x, as Adam's √v̂ (the descent
  /// draws the step itself); RMSProp has no momentum to draw.
  func inspect(into inspection: inout Inspection, at x: Vector) {
    let scale = meanSquare.map { $0.squareRoot() }
    if scale.norm > 0 { inspection.overlays.append(.box(lower: x - scale, upper: x + scale, role: .scale)) }
    inspection.vectors.append(NamedVector("v", meanSquare))
    inspection.vectors.append(NamedVector("√v", scale))
  }
}
