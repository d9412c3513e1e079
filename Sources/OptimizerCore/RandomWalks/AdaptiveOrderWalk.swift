/// The adaptive-order random walk (the design notes' "general inf-order"):
/// the n-th order walk with an order K that success raises and failure
/// lowers.
///
/// A step is the n-th order walk's (`NthOrderWalk`): the best of `bestOf`
/// candidates y = x + c[0], with c[K−1] = η·ξ and c[i] = d[i] + c[i+1],
/// accepted when f(y) < f(x). After an accepted step K ← min(K + 1, Kmax),
/// with d[K−1] = 0 appended on top; after m rejections in a row
/// K ← max(1, K − 1), dropping the top vector. On a smooth slope the walk so
/// builds velocity, acceleration and higher orders; near a minimum it sheds
/// them. A rejection at K ≥ 2 is corrected at every order from the lowest
/// up, d[i] −= c[i] − d[i], from the values before the rejection
/// (`reverseOrderCorrection`, on by default), or else by `moveOpposite`
/// alone; at K = 1 by `moveOpposite`. Every change of K is reported as an
/// `.orderChange` event.
///
/// `rho` smooths the direction of the top order's draw c[K−1] from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct AdaptiveOrderWalk: AdaptiveOrderOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "adaptive-order-walk", family: .randomWalk,
    summary: "random walk whose order rises after each success and falls after m failures in a row",
    specs: AdaptiveOrderState.specs)

  static let rule = AdaptiveOrderState.Rule.everySuccess

  public var hyperparameters: Hyperparameters
  var state: AdaptiveOrderState
}
