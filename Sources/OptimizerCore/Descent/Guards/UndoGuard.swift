/// Undo on increase: after the move, if f(x_new) > f(x_old), stay at x_old.
///
/// Costs one evaluation of the new point per step (and one of x_old when the
/// source left it unknown), so the descent never accepts a worse point: its
/// loss never rises, up to the noise of the evaluations. Every refused
/// candidate is noted as a `.reject` event and kept, the last few drawn as
/// rejected marks.
struct UndoGuard: StepGuard {
  static let name = "undo"
  static let summary = "refuse a move that increases the loss"

  private var trail = RejectionTrail()

  init(context: StepContext) {}

  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator
  ) {
    guard !move.isStay else { return }
    let before = move.originLoss(&f)
    let after = move.targetLoss(&f)
    guard after > before else { return }
    trail.reject(move.target, from: move.origin.position, f: &f)
    move.stay()
  }

  func inspect(into inspection: inout Inspection) { trail.inspect(into: &inspection) }
}
