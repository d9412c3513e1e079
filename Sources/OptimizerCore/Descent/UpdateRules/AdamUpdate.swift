import RealModule

/// Adam (Kingma and Ba) with bias correction:
/// m ← β₁·m + (1 − β₁)·ĝ, v ← β₂·v + (1 − β₂)·ĝ², m̂ = m / (1 − β₁ᵗ),
/// v̂ = v / (1 − β₂ᵗ), Δ = −η·m̂ / (√v̂ + ε), componentwise.
///
/// The step is about η per coordinate whatever ĝ's scale, so η = 1e-2·w for
/// every source. β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
struct AdamUpdate: UpdateRule {
  static let name = "adam"
  static let summary = "Adam: bias-corrected first and second moments of ĝ"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    [
      LearningRate.zerothOrder,
      HyperparameterSpec(
        "beta1", symbol: "β₁", default: 0.9, range: 0...0.9999,
        help: "decay of the first moment (the mean of ĝ)"),
      HyperparameterSpec(
        "beta2", symbol: "β₂", default: 0.999, range: 0...0.999999,
        help: "decay of the second moment (the mean of ĝ²)"),
      HyperparameterSpec(
        "eps", symbol: "ε", default: 1e-8, range: 1e-16...1, scale: .log,
        help: "added to √v̂ so that a zero gradient does not divide by zero"),
    ]
  }

  /// The first and second moments, m and v.
  private var mean: Vector
  private var meanSquare: Vector
  /// t, the number of updates so far.
  private var count = 0
  /// The last bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ, which turn m and v
  /// into m̂ and v̂ for the screen.
  private var corrections = (first: 1.0, second: 1.0)
  /// The last move.
  private var lastMove: Vector

  init(context: StepContext) {
    mean = .zeros(context.dimension)
    meanSquare = .zeros(context.dimension)
    lastMove = .zeros(context.dimension)
  }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    let lr = state.hyperparameters[LearningRate.name]
    let beta1 = state.hyperparameters["beta1"]
    let beta2 = state.hyperparameters["beta2"]
    let eps = state.hyperparameters["eps"]
    count += 1
    let t = Double(count)
    let correction1 = 1 - Double.pow(beta1, t)
    let correction2 = 1 - Double.pow(beta2, t)
    corrections = (correction1, correction2)
    for i in 0..<gradient.dimension {
      let g = gradient[i]
      mean[i] = beta1 * mean[i] + (1 - beta1) * g
      meanSquare[i] = beta2 * meanSquare[i] + (1 - beta2) * g * g
      let mHat = mean[i] / correction1
      let vHat = meanSquare[i] / correction2
      lastMove[i] = -lr * mHat / (vHat.squareRoot() + eps)
    }
    return lastMove
  }

  /// m̂ = m / (1 − β₁ᵗ) and √v̂ = √(v / (1 − β₂ᵗ)), as of the last update.
  var corrected: (mean: Vector, scale: Vector) {
    var mHat = mean, scale = meanSquare
    for i in 0..<mean.dimension {
      mHat[i] = mean[i] / corrections.first
      scale[i] = (meanSquare[i] / corrections.second).squareRoot()
    }
    return (mHat, scale)
  }

  /// The momentum −m̂ as an arrow and the per-axis scale √v̂ as the box
  /// x ± √v̂, both at their true length (in units of ĝ, like −ĝ).
  func inspect(into inspection: inout Inspection, at x: Vector) {
    let (mHat, scale) = corrected
    if count > 0 {
      inspection.overlays.append(.box(lower: x - scale, upper: x + scale, role: .scale))
      inspection.overlays.append(.arrow(from: x, to: x - mHat, role: .momentum))
    }
    inspection.vectors.append(NamedVector("m", mean))
    inspection.vectors.append(NamedVector("v", meanSquare))
  }
}

extension AdamUpdate {
  /// The momentum blend of m and v, then Adam's scaling by √v̂ (on screen
  /// M and V: a cell holds no combining hat).
  func stages(for gradient: Vector, in state: DescentState) -> [InspectionStage] {
    let parameters = state.hyperparameters
    var after = self
    let move = after.move(for: gradient, in: state)
    let (mHat, scale) = after.corrected
    let x = state.position
    return [
      InspectionStage(
        "momentum blend", formula: "m ← β₁·m + (1 − β₁)·ĝ,  v ← β₂·v + (1 − β₂)·ĝ²",
        values: [
          .number("β₁", parameters["beta1"]), .vector("m before", mean), .vector("m", after.mean),
          .number("β₂", parameters["beta2"]), .vector("v before", meanSquare), .vector("v", after.meanSquare),
        ],
        overlays: [.arrow(from: x, to: x - mHat, role: .momentum)]),
      InspectionStage(
        "Adam scaling", formula: "bias-corrected M = m/(1 − β₁ᵗ), V = v/(1 − β₂ᵗ); Δ = −η·M/(√V + ε)",
        values: [
          .number("t", Double(after.count)), .vector("M", mHat), .vector("√V", scale),
          .number("η", parameters[LearningRate.name]), .number("ε", parameters["eps"]), .vector("Δ", move),
        ],
        overlays: [.box(lower: x - scale, upper: x + scale, role: .scale), .arrow(from: x, to: x + move, role: .step)]),
    ]
  }
}
