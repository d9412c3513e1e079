/// Where a descent stands during one step: what each of its parts reads.
///
/// The parts of one step (gradient source, update rule, step guards) all see
/// the same state, taken before the step moves anything. A part that needs
/// more of the descent's situation (a best point, a step count) gets a new
/// field here rather than a new parameter, so existing parts stay unchanged.
struct DescentState: Sendable {
  /// x and f(x); the loss is NaN when x has not been evaluated since it was
  /// reached (always known for sources that track the loss).
  var point: Point
  /// The live settings of every part, read at the top of the step.
  var hyperparameters: Hyperparameters
  /// The best point the descent has seen before this step (x itself when
  /// nothing better), nil while no loss is known. Toward-best leans on it.
  var best: Point?
  /// γ when the update rule asks the source to probe at c_k = c/k^γ
  /// (adam-spsa); nil otherwise.
  var perturbationExponent: Double?
  /// The update rule as it stands before this step, in the state the
  /// gradient source sees only (`previewing(_:)`), so that a source can ask
  /// where a candidate ĝ would move x (lookahead). The rule's own update
  /// gets a state without it: holding a copy would make the rule copy its
  /// velocity or moments before updating them.
  private var rule: (any UpdateRule)?

  init(point: Point, hyperparameters: Hyperparameters, best: Point? = nil, perturbationExponent: Double? = nil) {
    self.point = point
    self.hyperparameters = hyperparameters
    self.best = best
    self.perturbationExponent = perturbationExponent
  }

  var position: Vector { point.position }

  /// This state with `rule` attached, for the gradient source.
  func previewing(_ rule: any UpdateRule) -> DescentState {
    var copy = self
    copy.rule = rule
    return copy
  }

  /// Δ the update rule would propose for `gradient` at this state, computed
  /// on a copy so the rule itself is unchanged. The same ĝ given to the rule
  /// afterwards in the same step yields exactly this Δ.
  func previewMove(for gradient: Vector) -> Vector {
    guard var copy = rule else {
      preconditionFailure("only the state given to a gradient source can preview the update rule's move")
    }
    return copy.move(for: gradient, in: self)
  }
}
