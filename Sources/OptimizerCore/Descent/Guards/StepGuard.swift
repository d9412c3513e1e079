/// The third part of a descent, optional and stackable: reviews the move
/// the update rule proposed before the descent takes it.
///
/// Guards run in the order the user gave them, each seeing the move as the
/// previous one left it: undo-on-increase after a curvature step judges the
/// curvature step. A guard may evaluate f (through the move, so that what it
/// learns is shared), keep the move, cancel it or send it elsewhere. It
/// notes a `.reject` event for every candidate it turns down; the descent
/// notes one `.accept` for the move finally taken.
protocol StepGuard: Sendable {
  /// The name users type (`undo`), unique among guards.
  static var name: String { get }
  /// One line for listings.
  static var summary: String { get }
  /// The guard's settings; names must differ from the source's and the
  /// rule's. A guard stacked twice shares its settings.
  static var specs: [HyperparameterSpec] { get }

  /// A fresh guard for a domain.
  init(context: StepContext)

  /// Reviews `move`, which starts at `state.point`.
  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator)

  /// Adds what the guard shows (rejected moves, tried points) to the
  /// descent's inspection.
  func inspect(into inspection: inout Inspection)
}

extension StepGuard {
  static var specs: [HyperparameterSpec] { [] }
}
