import Engine

/// Step granularity: one iteration per step (the default), or one
/// evaluation, so that an iteration's probes appear one at a time.
///
/// In evaluation mode the iteration is computed at once, but the screen
/// shows the session as it was before it, with the first k of its probes;
/// each step reveals one more, and with the last the particles move. Only
/// then does the next step run the next iteration.
public struct EvaluationStepping: Sendable {
  /// True: a step is one evaluation.
  public var isOn = false
  /// How many probes of the last iteration are shown; nil shows the
  /// iteration whole.
  public internal(set) var revealed: Int?
  /// The session before the iteration being revealed.
  public internal(set) var before: Session?

  public init() {}

  /// Shows the last iteration whole.
  mutating func showWhole() {
    revealed = nil
    before = nil
  }

  /// The probes of the session's last iteration: the most any run made.
  static func probeCount(of session: Session) -> Int {
    session.runs.map(\.probes.count).max() ?? 0
  }
}
