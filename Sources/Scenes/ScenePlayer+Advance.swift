/// One move of a replay at a time, for the headless commands that look at
/// the session after every move (breakpoints, frames, trajectories).
extension ScenePlayer {
  /// What `advance()` did.
  public enum Move: Sendable, Hashable {
    /// Events were due at the current step and were applied; no iteration.
    case events([SceneEvent])
    /// One iteration.
    case step
  }

  /// Applies the events due at the current step if there are any, else
  /// takes one iteration; nil once the scene is over. Repeated until nil,
  /// it plays exactly what `playToEnd()` plays.
  public mutating func advance() throws(SceneError) -> Move? {
    if let next = pendingEvents.first, next.step == session.step { return .events(try applyDueEvents()) }
    guard !isAtEnd else { return nil }
    try stepForward()
    return .step
  }
}
