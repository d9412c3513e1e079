/// The convex adaptive-order walk *(design)*: the adaptive-order walk with
/// an order that follows the improvement per unit step instead of every
/// success.
///
/// For an accepted move from x to y the walk measures the improvement per
/// unit step ρ = (f(x) − f(y)) / ‖y − x‖. While ρ keeps growing from one
/// accepted move to the next (the descent is accelerating) K ← min(K + 1,
/// Kmax), with d[K−1] = 0 appended on top; when ρ falls, K ← max(1, K − 1),
/// dropping the top vector; the first accepted move only sets the
/// reference. As in the adaptive walk, m rejections in a row also lower K,
/// and a rejection is corrected by the reverse-order correction (on by
/// default) or `moveOpposite`. Every change of K is reported as an
/// `.orderChange` event.
///
/// `orderRule = top-change` takes the seed's literal rule instead
/// (`ConvexOrderMeasure.topChange`): K rises when the accepted move's top
/// order change ‖c[K−1]‖ = ‖Δ_K‖·η is smaller than the last accepted
/// move's, and falls otherwise.
///
/// Tried and not kept: comparing ρ with a moving average of the earlier
/// rates, and raising K only after two growing rates in a row; neither
/// changed the bench's success rates beyond seed noise, so the rule stays
/// the plain one above.
///
/// `rho` smooths the direction of the top order's draw c[K−1] from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct ConvexOrderWalk: AdaptiveOrderOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "convex-order-walk", family: .randomWalk,
    summary: "random walk whose order rises while the improvement per unit step grows",
    specs: AdaptiveOrderState.specs + [ConvexOrderMeasure.spec])

  static let rule = AdaptiveOrderState.Rule.convex

  public var hyperparameters: Hyperparameters
  var state: AdaptiveOrderState
}
