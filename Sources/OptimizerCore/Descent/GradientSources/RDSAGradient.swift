/// Random-direction stochastic approximation: SPSA with δ = ξ/‖ξ‖·√n, a
/// uniform direction on the sphere of radius √n (the length of a Rademacher
/// vector), and ĝ = (f(x + c·δ) − f(x − c·δ)) / (2c) · δ.
///
/// Two evaluations per step whatever n; c = 1e-2·w by default; Spall's
/// gains, the clamp, smoothed directions and lookahead as SPSA's
/// (`SimultaneousPerturbation`). Unlike SPSA's signs, δ can point along
/// any direction, so on an axis-aligned valley it need not waste half of
/// every probe across the valley.
struct RDSAGradient: GradientSource {
  static let name = "rdsa"
  static let summary = "simultaneous perturbation along a random direction of length √n (2 evaluations)"
  static let specs = SimultaneousPerturbation.specs

  private var pair: SimultaneousPerturbation

  init(context: StepContext) { pair = SimultaneousPerturbation(context: context) }

  var evaluatedTarget: Point? { pair.evaluatedTarget }

  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    let n = state.position.dimension
    return pair.estimate(in: state, f: &f) { rng.unitVector(dimension: n) * Double(n).squareRoot() }
  }

  func inspect(into inspection: inout Inspection, at x: Vector) { pair.inspect(into: &inspection) }
}
