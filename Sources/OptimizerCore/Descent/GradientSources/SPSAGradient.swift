/// Simultaneous perturbation stochastic approximation (Spall):
/// ĝ = (f(x + c·δ) − f(x − c·δ)) / (2c) · δ⁻¹, δ of independent Rademacher
/// signs (so δ⁻¹ = δ).
///
/// Two evaluations per step whatever n; c = 1e-2·w by default (1e-4·w in
/// the presets); Spall's
/// gains, the clamp, smoothed directions and lookahead as described in
/// `SimultaneousPerturbation`.
struct SPSAGradient: GradientSource {
  static let name = "spsa"
  static let summary = "simultaneous perturbation along random ±1 signs (2 evaluations)"
  static let specs = SimultaneousPerturbation.specs

  private var pair: SimultaneousPerturbation

  init(context: StepContext) { pair = SimultaneousPerturbation(context: context) }

  var evaluatedTarget: Point? { pair.evaluatedTarget }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    pair.estimate(in: state, f: &f) { rng.rademacherVector(dimension: state.position.dimension) }
  }

  func inspect(into inspection: inout Inspection, at x: Vector) { pair.inspect(into: &inspection) }
}
