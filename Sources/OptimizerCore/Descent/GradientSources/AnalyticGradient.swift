/// ĝ = ∇f(x), the landscape's own gradient.
///
/// No evaluation of f is needed for the estimate; the descent still keeps
/// f(x) known (one evaluation per step) so that the run shows its loss, as
/// every gradient-descent run does. Landscapes without a closed-form
/// gradient answer with their own central differences (`Objective`), which
/// the evaluator counts apart from f.
struct AnalyticGradient: GradientSource {
  static let name = "analytic"
  static let summary = "∇f where the landscape provides it (its own differences elsewhere)"
  static let learningRate = LearningRate.analytic
  static let tracksLoss = true

  init(context: StepContext) {}

  func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector {
    f.gradient(at: state.position)
  }
}
