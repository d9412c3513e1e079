/// The first part of a descent: gives ĝ, an estimate of ∇f at x.
///
/// A source may evaluate f through the evaluator (each evaluation is counted
/// and drawn as a probe) and draws all its randomness from `rng`. Sources are
/// value types whose state (a step counter, the last direction, a smoothed
/// direction) lives in their own fields, so a snapshot of the descent is a
/// snapshot of the source too, and a copy can preview what a step would do.
protocol GradientSource: Sendable {
  /// The name users type (`spsa`), unique among sources.
  static var name: String { get }
  /// One line for listings.
  static var summary: String { get }
  /// The source's own settings; names must differ from every update rule's
  /// and step guard's.
  static var specs: [HyperparameterSpec] { get }
  /// The learning rate that suits a step proportional to this source's ĝ:
  /// update rules whose step scales with ĝ (SGD, momentum) take it, rules
  /// that normalise ĝ (Adam) declare their own.
  static var learningRate: HyperparameterSpec { get }
  /// True when the estimate compares against f(x): the descent then keeps
  /// f at its current point known, evaluating each new point once, right
  /// after the move, and `state.point.loss` is never NaN in `estimate`.
  static var tracksLoss: Bool { get }
  /// True when the source keeps an n×n matrix, which bounds the dimension
  /// of every descent that runs it (`DescentComposition.keepsSquareMatrix`).
  static var keepsSquareMatrix: Bool { get }

  /// A fresh source for a domain (and budget).
  init(context: StepContext)

  /// ĝ at `state.point`.
  mutating func estimate(in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator) -> Vector

  /// The point the update rule's move for the last estimate lands on, with
  /// f there, when the source already evaluated it (a lookahead probe that
  /// was accepted); nil otherwise. The descent reuses that loss.
  var evaluatedTarget: Point? { get }

  /// Adds what the source shows about its last estimate (its probe
  /// direction, its gain schedule) to the descent's inspection.
  func inspect(into inspection: inout Inspection, at x: Vector)
}

extension GradientSource {
  static var specs: [HyperparameterSpec] { [] }
  static var learningRate: HyperparameterSpec { LearningRate.zerothOrder }
  static var tracksLoss: Bool { false }
  static var keepsSquareMatrix: Bool { false }
  var evaluatedTarget: Point? { nil }
  func inspect(into inspection: inout Inspection, at x: Vector) {}
}
