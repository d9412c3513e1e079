/// Momentum toward the best point *(design)*: v ← β·v + η_b·(b − x) − η·ĝ,
/// Δ = v, where b is the best point the descent has seen.
///
/// The velocity always leans toward the best-loss parameters: a descent
/// that wanders uphill (a noisy estimate, a large step) is pulled back,
/// while at b itself the pull vanishes and the rule is heavy-ball momentum.
/// The pull acts like a spring of stiffness η_b damped by 1 − β, so with
/// the defaults β = 0.9 and η_b = 0.1 a descent that strays returns in a
/// few swings, each smaller by √β.
struct TowardBestUpdate: UpdateRule {
  static let name = "toward-best"
  static let summary = "momentum that leans toward the best point: v ← β·v + η_b·(b − x) − η·ĝ"

  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec] {
    MomentumUpdate.specs(learningRate: learningRate) + [
      HyperparameterSpec(
        "bestPull", symbol: "η_b", default: 0.1, range: 0...1,
        help: "pull toward the best point seen: the fraction of b − x added to v each step")
    ]
  }

  private var velocity: Vector
  /// The best point the last update leaned toward, for the overlay.
  private var anchor: Vector?

  init(context: StepContext) { velocity = .zeros(context.dimension) }

  mutating func move(for gradient: Vector, in state: DescentState) -> Vector {
    velocity *= state.hyperparameters["beta"]
    velocity.add(gradient, scaledBy: -state.hyperparameters[LearningRate.name])
    anchor = state.best?.position
    if let anchor {
      let pull = state.hyperparameters["bestPull"]
      velocity.add(anchor, scaledBy: pull)
      velocity.add(state.position, scaledBy: -pull)
    }
    return velocity
  }

  func inspect(into inspection: inout Inspection, at x: Vector) {
    inspection.readouts.append(Readout("velocity", symbol: "‖v‖", value: velocity.norm, logarithmic: true))
    inspection.overlays.append(.arrow(from: x, to: x + velocity, role: .momentum))
    if let anchor { inspection.overlays.append(.mark(at: anchor, role: .best)) }
    inspection.vectors.append(NamedVector("v", velocity))
  }
}
