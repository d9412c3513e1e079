/// When a run stops: after a number of steps or of evaluations.
///
/// A fair race between optimizers is by evaluations, since one step of a
/// swarm costs many evaluations and one step of a walk costs one. An
/// evaluation budget counts what a run spent (`Run.spent`): evaluations of f
/// and of ∇f alike, and at least one for every step, so that an optimizer
/// that stalls without evaluating still comes to an end.
public enum Budget: Sendable, Hashable, Codable {
  case steps(Int)
  case evaluations(Int)
  case unlimited

  /// True once a run with these counts has used the budget up.
  public func isExhausted(steps: Int, spent evaluations: Int) -> Bool {
    switch self {
    case .steps(let limit): return steps >= limit
    case .evaluations(let limit): return evaluations >= limit
    case .unlimited: return false
    }
  }

  /// The evaluation budget, if the budget is one (optimizers with gain
  /// schedules use it).
  public var evaluationLimit: Int? {
    if case .evaluations(let limit) = self { return limit }
    return nil
  }
}
