import OptimizerCore

/// A test function to optimise, with the box it is shown on and, for the
/// built-in ones, its known minimum.
public protocol Landscape: Objective {
  /// What users type: `rosenbrock`, or the expression's text.
  var name: String { get }
  /// What the screen shows: `Rosenbrock`.
  var title: String { get }
  /// The formula, for the help text and the panel.
  var formula: String { get }
  /// The box shown by default, with each axis's kind.
  var domain: Domain { get }
  /// f* and its minimizers, when known (nil for a typed expression).
  var knownMinimum: KnownMinimum? { get }
  /// Why the function answers NaN from now on (a process that failed,
  /// docs/PROTOCOL.md), nil while it answers.
  var failure: String? { get }
}

extension Landscape {
  public var dimension: Int { domain.dimension }

  public var failure: String? { nil }
}

/// The global minimum value and every point that attains it.
public struct KnownMinimum: Sendable, Hashable {
  /// f*.
  public var value: Double
  /// x*: every global minimizer listed by the references.
  public var minimizers: [Vector]

  public init(value: Double, minimizers: [Vector]) {
    self.value = value
    self.minimizers = minimizers
  }
}
