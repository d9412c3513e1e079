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

  var position: Vector { point.position }
}
