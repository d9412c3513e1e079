/// Opposite on increase (undo's `opposite` mode): after the move Δ, if
/// f(x + Δ) > f(x), go to x − Δ instead.
///
/// A move that climbs says the slope along Δ points up, so its opposite
/// likely descends: the guard turns the failure into a step rather than a
/// wasted evaluation. The opposite point is judged too (one more
/// evaluation, shared with the descent's own, which would evaluate the new
/// point anyway for a source that tracks the loss): when it is also worse
/// than x, as when a step overshoots a minimum on both sides, the descent
/// stays. So, like undo, this guard never accepts a worse point. Both
/// refused candidates are noted as `.reject` events and drawn.
struct OppositeGuard: IncreaseGuard {
  static let name = "opposite"
  static let summary = "when a move increases the loss, take the opposite move (stay if that is worse too)"

  var trail = RejectionTrail()

  /// Goes to x − Δ instead, or stays when that is worse than x too.
  mutating func recover(_ move: inout ProposedMove, before: Double, f: inout Evaluator) {
    var opposite = ProposedMove(from: move.origin, by: -move.displacement, domain: f.domain)
    if !opposite.isStay && opposite.targetLoss(&f) > before {
      trail.reject(opposite.target, from: move.origin.position, f: &f)
      opposite.stay()
    }
    move = opposite
  }
}
