/// The second part of a descent: turns ĝ into a move Δ, so x ← x + Δ.
///
/// Rules are value types holding their own state (velocity, moments), in the
/// manner of optax's transformations: `move` is the update, and calling it
/// on a copy previews the move without committing the state. The step guards
/// may cancel or change the move afterwards; the rule's state counts the
/// gradient it saw either way.
protocol UpdateRule: Sendable {
  /// The name users type (`adam`), unique among update rules.
  static var name: String { get }
  /// One line for listings.
  static var summary: String { get }
  /// The rule's settings, given the learning rate that suits the chosen
  /// gradient source; names must differ from the source's and the guards'.
  static func specs(learningRate: HyperparameterSpec) -> [HyperparameterSpec]

  /// A fresh rule (zero velocity, zero moments) for a domain.
  init(context: StepContext)

  /// γ when the rule decays the source's perturbation as c_k = c/k^γ
  /// (adam-spsa), read from `hyperparameters`; nil for the rest.
  static func perturbationExponent(in hyperparameters: Hyperparameters) -> Double?

  /// Δ for the gradient estimate ĝ at `state.point`.
  mutating func move(for gradient: Vector, in state: DescentState) -> Vector

  /// Adds what the rule shows (its velocity, its moments) to the descent's
  /// inspection.
  func inspect(into inspection: inout Inspection, at x: Vector)

  /// The rule's part of an update taken apart, for ĝ at `state`: computed
  /// on a copy, so the rule is unchanged and `move` then gives the same Δ.
  func stages(for gradient: Vector, in state: DescentState) -> [InspectionStage]
}

extension UpdateRule {
  static func perturbationExponent(in hyperparameters: Hyperparameters) -> Double? { nil }

  /// One stage: the rule's summary and the Δ it makes.
  func stages(for gradient: Vector, in state: DescentState) -> [InspectionStage] {
    var copy = self
    let move = copy.move(for: gradient, in: state)
    return [InspectionStage("update: \(Self.name)", formula: Self.summary, values: [.vector("ĝ", gradient), .vector("Δ", move)])]
  }
  func inspect(into inspection: inout Inspection, at x: Vector) {}
}
