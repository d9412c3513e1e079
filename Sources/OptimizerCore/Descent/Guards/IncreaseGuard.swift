/// A step guard that acts when a move increases the loss, f(x + Δ) > f(x):
/// `UndoGuard` and `OppositeGuard`.
///
/// The shared review evaluates both ends of a move (through the move, so
/// the evaluations are shared), keeps any move that does not climb, and
/// turns down one that does, noting it as a `.reject` event in the
/// guard's `RejectionTrail`; the conforming guard says only where the
/// descent goes instead.
protocol IncreaseGuard: StepGuard {
  /// The candidates this guard turned down.
  var trail: RejectionTrail { get set }

  /// A fresh guard with an empty trail.
  init()

  /// Replaces `move`, whose target was refused for climbing above the
  /// origin's loss `before`.
  mutating func recover(_ move: inout ProposedMove, before: Double, f: inout Evaluator)
}

extension IncreaseGuard {
  init(context: StepContext) { self.init() }

  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator
  ) {
    guard !move.isStay else { return }
    let before = move.originLoss(&f)
    let after = move.targetLoss(&f)
    guard after > before else { return }
    trail.reject(move.target, from: move.origin.position, f: &f)
    recover(&move, before: before, f: &f)
  }

  func inspect(into inspection: inout Inspection) { trail.inspect(into: &inspection) }
}
