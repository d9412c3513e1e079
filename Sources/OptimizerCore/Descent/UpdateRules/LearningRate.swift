/// The learning rate η shared by every update rule, with its defaults.
///
/// Every default is a fraction of w, the domain's smallest side, so that
/// one default suits Booth (w = 20) and Eggholder (w = 1024); a value the
/// user sets is absolute. What fraction depends on what ĝ measures and on
/// how the rule scales it (docs/OPTIMIZERS.md, "Update rules"):
/// - a slope-sized zeroth-order estimate (SPSA, guided ES, the ensemble),
///   and the rules that move about η per axis whatever ĝ (Adam, sign):
///   1e-2·w;
/// - the analytic gradient, and RMSProp: 1e-3·w. The exact gradient gets
///   no noise to average away, so a tenth of that step descends as fast
///   without overshooting; RMSProp moves about η per axis with nothing (no
///   momentum, no decay) to damp its swing about the minimum, which is
///   then about η wide;
/// - a direction rather than a slope (RandomGrad, RandomBestGrad: ĝ is a
///   random direction of length about √n): 5e-3·w, since each step then
///   moves about η·√n however close the minimum is;
/// - rules whose steps shrink on their own (AdaGrad's growing sum, the
///   decaying gain of AdamSPSA): 1e-1·w.
enum LearningRate {
  static let name = "lr"

  /// η = 1e-2·w: slope-sized zeroth-order estimates, Adam and sign.
  static let zerothOrder = relative(1e-2)

  /// η = 1e-3·w: the analytic gradient with a rule that scales with ĝ.
  static let analytic = relative(1e-3)

  /// η = 5e-3·w: sources whose ĝ is a random direction.
  static let direction = relative(5e-3)

  /// η = 1e-1·w: rules whose steps decay by themselves.
  static let decaying = relative(1e-1)

  /// η = `fraction`·w by default.
  static func relative(_ fraction: Double) -> HyperparameterSpec {
    HyperparameterSpec(
      name, symbol: "η", default: fraction, range: 1e-9...10, scale: .log, unit: .domainWidth,
      help: "learning rate: the step per unit of the gradient estimate (default a fraction of the domain's width w)")
  }
}
