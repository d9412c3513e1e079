import DequeModule
import Landscapes
import OptimizerCore

/// The session's past, for step-back: a snapshot of every run before each
/// step or command, at most `depth` of them and at most `byteBudget` bytes
/// of them by `Snapshot.estimatedBytes` (older ones are dropped, but the
/// newest is always kept), so that memory stays bounded whatever the run
/// length and the swarm size.
///
/// Each snapshot says what came after it, so whoever steps back learns
/// what was undone from the history itself (a scene player moves its place
/// among the events only when a command was undone).
///
/// Snapshots are cheap to take: runs are value types whose arrays are
/// shared with the live state until either side changes. After a step
/// changes them, each snapshot holds its own copy of the runs' particles.
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
    var restarts: Int

    /// What the snapshot holds of its own once the live state has moved on:
    /// the runs' particles, last probes and events, which grow with a
    /// swarm (an optimizer's other state is small beside them).
    var estimatedBytes: Int { runs.reduce(MemoryLayout<Snapshot>.size) { $0 + $1.estimatedBytes } }
  }

  /// What `byteBudget` is unless set (`OPTISCOPE_HISTORY_MB`, README).
  static let defaultByteBudget = 256 << 20

  let depth: Int
  let byteBudget: Int
  private var snapshots: Deque<(snapshot: Snapshot, bytes: Int)> = []
  /// The estimated bytes of the snapshots kept.
  private(set) var bytes = 0

  init(depth: Int, byteBudget: Int = defaultByteBudget) {
    precondition(depth >= 0, "history depth must be ≥ 0")
    precondition(byteBudget >= 0, "history byte budget must be ≥ 0")
    self.depth = depth
    self.byteBudget = byteBudget
  }

  var count: Int { snapshots.count }

  mutating func push(_ snapshot: Snapshot) {
    guard depth > 0 else { return }
    let size = snapshot.estimatedBytes
    snapshots.append((snapshot, size))
    bytes += size
    while snapshots.count > depth || (bytes > byteBudget && snapshots.count > 1) {
      bytes -= snapshots.removeFirst().bytes
    }
  }

  mutating func pop() -> Snapshot? {
    guard let last = snapshots.popLast() else { return nil }
    bytes -= last.bytes
    return last.snapshot
  }

  mutating func removeAll() {
    snapshots.removeAll()
    bytes = 0
  }
}

extension Run {
  /// An estimate of the memory of the run's particles (positions,
  /// velocities and personal bests), its last step's probes and events.
  var estimatedBytes: Int {
    let vector = { (v: Vector) in 32 + 8 * v.components.count }  // an array's header and its Doubles
    var total = MemoryLayout<Run>.size
    for particle in optimizer.particles {
      total += MemoryLayout<Particle>.stride + vector(particle.position)
      if let velocity = particle.velocity { total += vector(velocity) }
      if let best = particle.personalBest { total += vector(best.position) }
    }
    total += probes.count * 8 * (probes.dimension + 1)
    total += lastEvents.count * MemoryLayout<StepEvent>.stride
    return total
  }
}

/// What one step back undid: an iteration, or a command (a live change).
public enum Undone: Sendable, Hashable {
  case iteration
  case command
}
