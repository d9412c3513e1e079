/// The learning rate η shared by every update rule, with its defaults.
///
/// Its default depends on what ĝ measures. A zeroth-order source's ĝ is a
/// direction of size about 1 (RandomGrad) or a difference quotient of
/// probes a fixed fraction of w apart, so η = 1e-2·w moves a sensible
/// fraction of the domain. The analytic gradient's size is the landscape's
/// own slope, which no multiple of w normalises; η = 1e-3 in absolute terms
/// is the classic default of gradient descent. Rules that normalise ĝ (Adam)
/// move about η per step whatever the source, so they use 1e-2·w.
enum LearningRate {
  static let name = "lr"

  /// η = 1e-2·w: zeroth-order sources, and normalising rules.
  static let zerothOrder = spec(default: 1e-2, range: 1e-8...10, unit: .domainWidth)

  /// η = 1e-3, absolute: the analytic gradient with an unnormalised rule.
  static let analytic = spec(default: 1e-3, range: 1e-9...1e3, unit: .absolute)

  private static func spec(
    default value: Double, range: ClosedRange<Double>, unit: HyperparameterSpec.Unit
  ) -> HyperparameterSpec {
    HyperparameterSpec(
      name, symbol: "η", default: value, range: range, scale: .log, unit: unit,
      help: "learning rate: the step per unit of the gradient estimate")
  }
}
