import Engine
import Scenes

/// The breakpoints of a visualizer session, and which of them held when the
/// session was last looked at.
///
/// A condition on a value (`best < 1e-3`, `temperature < 0.01`, `step >= 100`)
/// stops the run when it becomes true, not at every step after: resuming
/// then runs on until it turns false and true again. An event condition
/// (`event == reject`) is about the last iteration alone, so it stops at
/// every iteration that has the event.
public struct BreakpointSet: Sendable, Hashable {
  public private(set) var conditions: [Breakpoint] = []
  /// Whether each condition held at the last check or note.
  private var holding: [Bool] = []

  public init() {}

  public var isEmpty: Bool { conditions.isEmpty }

  /// Adds a condition; true when it already holds (it then waits until it
  /// becomes true again, unless it is about events).
  @discardableResult
  public mutating func add(_ breakpoint: Breakpoint, session: Session) -> Bool {
    let holds = breakpoint.isHit(by: session)
    conditions.append(breakpoint)
    holding.append(holds)
    return holds
  }

  public mutating func removeAll() {
    conditions.removeAll()
    holding.removeAll()
  }

  /// After the session moved forward (events or an iteration): the first
  /// condition that stops it, if any.
  public mutating func check(_ session: Session) -> Breakpoint? {
    var hit: Breakpoint?
    for index in conditions.indices {
      let holds = conditions[index].isHit(by: session)
      if hit == nil, holds, !holding[index] || conditions[index].isAboutEvents { hit = conditions[index] }
      holding[index] = holds
    }
    return hit
  }

  /// After any other change (a step back, a jump, a live change): notes
  /// what holds now without stopping, so that crossing a threshold again
  /// stops again.
  public mutating func note(_ session: Session) {
    for index in conditions.indices { holding[index] = conditions[index].isHit(by: session) }
  }
}

extension Breakpoint {
  /// True for `event == KIND`: a fact about the last iteration alone.
  var isAboutEvents: Bool {
    if case .event = subject { return true }
    return false
  }
}
