import Rendering

/// What the terminal's run loop drives: a program that takes input, moves
/// on with time, and draws itself into a cell grid.
///
/// The loop owns no state of its own: it feeds `handle`, calls `advance`
/// when `nextDeadline` has come, and presents `render` at most 60 times a
/// second. When `nextDeadline` is nil (paused, nothing animating) the loop
/// blocks on input, so a paused program costs no CPU.
public protocol InteractiveProgram {
  /// Applies one input event.
  mutating func handle(_ event: InputEvent, at now: ContinuousClock.Instant)

  /// Does whatever is due by `now` (steps of a running session), within
  /// about `budget` of wall time so that input stays responsive.
  mutating func advance(to now: ContinuousClock.Instant, budget: Duration)

  /// When `advance` next has work to do, or nil when it waits for input.
  var nextDeadline: ContinuousClock.Instant? { get }

  /// The screen at this size, for this terminal's colours and glyphs.
  mutating func render(width: Int, height: Int, profile: DisplayProfile) -> CellGrid

  /// True once the user asked to quit (and confirmed, if anything was unsaved).
  var wantsToQuit: Bool { get }
}
