/// Undo on increase: after the move, if f(x_new) > f(x_old), stay at x_old.
///
/// Costs one evaluation of the new point per step (and one of x_old when the
/// source left it unknown), so the descent never accepts a worse point: its
/// loss never rises, up to the noise of the evaluations. Every refused
/// candidate is noted as a `.reject` event and kept, the last few drawn as
/// rejected marks.
struct UndoGuard: IncreaseGuard {
  static let name = "undo"
  static let summary = "refuse a move that increases the loss"

  var trail = RejectionTrail()

  /// Stays at x_old.
  mutating func recover(_ move: inout ProposedMove, before: Double, f: inout Evaluator) {
    move.stay()
  }
}
