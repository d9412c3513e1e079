import DequeModule
import Landscapes
import OptimizerCore

/// The session's past, for step-back: a snapshot of every run before each
/// step or command, at most `depth` of them (older ones are dropped), so
/// that memory stays bounded whatever the run length.
///
/// Each snapshot says what came after it, so whoever steps back learns
/// what was undone from the history itself (a scene player moves its place
/// among the events only when a command was undone).
///
/// Snapshots are cheap: runs are value types whose arrays are shared with
/// the live state until either side changes.
struct History: Sendable {
  struct Snapshot: Sendable {
    /// What was done after this snapshot was taken.
    var before: Undone
    var step: Int
    var runs: [Run]
    var colourSlots: ColourSlots
    var landscape: any Landscape
    var landscapeSource: LandscapeSource
    var noise: Double
  }

  let depth: Int
  private var snapshots: Deque<Snapshot> = []

  init(depth: Int) {
    precondition(depth >= 0, "history depth must be ≥ 0")
    self.depth = depth
  }

  var count: Int { snapshots.count }

  mutating func push(_ snapshot: Snapshot) {
    guard depth > 0 else { return }
    if snapshots.count == depth { snapshots.removeFirst() }
    snapshots.append(snapshot)
  }

  mutating func pop() -> Snapshot? { snapshots.popLast() }

  mutating func removeAll() { snapshots.removeAll() }
}

/// What one step back undid: an iteration, or a command (a live change).
public enum Undone: Sendable, Hashable {
  case iteration
  case command
}
