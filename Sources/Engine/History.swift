import DequeModule
import Landscapes
import OptimizerCore

/// The session's past, for step-back: what came before each step or
/// command, `depth` of them (up to K − 1 more, see `trim`) and at most
/// `byteBudget` bytes of them by `Snapshot.estimatedBytes` (older ones are
/// dropped, but the newest keyframe is always kept), so that memory stays
/// bounded whatever the run length and the swarm size.
///
/// Not every step keeps a snapshot. A command always does (a keyframe); an
/// iteration does every K-th time, K growing with the snapshot's size
/// (`keyframeInterval`), and otherwise leaves a mark: stepping back over a
/// mark restores the keyframe before it and plays the iterations since
/// again, which the deterministic engine does bit for bit
/// (`Session.stepBack`). A step then copies the particles and the probe
/// log into a snapshot once every K steps instead of every step.
///
/// Each entry says what came after it, so whoever steps back learns what
/// was undone from the history itself (a scene player moves its place
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

  /// One entry: a snapshot, or the mark of an iteration whose state
  /// is rebuilt from the keyframe before it.
  private enum Entry: Sendable {
    case keyframe(Snapshot, bytes: Int)
    case iteration
  }

  /// How a step back gets its state: a snapshot as it was, or a keyframe
  /// and the iterations to play after it.
  enum Restoration {
    case snapshot(Snapshot)
    case replay(from: Snapshot, iterations: Int)
  }

  /// What `byteBudget` is unless set (`OPTISCOPE_HISTORY_MB`, README).
  static let defaultByteBudget = 256 << 20

  /// A keyframe every K iterations, K = the keyframe's size over this,
  /// within `minimumKeyframeInterval`…`maximumKeyframeInterval`: a
  /// 10 000-particle swarm (about 2 MB a snapshot) keeps one in 31.
  static let bytesPerKeyframeStep = 64 << 10
  /// Even a small session keeps a keyframe only every 8 steps: a snapshot
  /// makes the next step copy the particles and the probe log, which for a
  /// 50-particle swarm cost 5 times the step itself; playing up to 7 steps
  /// again to step back one is nothing beside it.
  static let minimumKeyframeInterval = 8
  /// At most this many iterations are played again to step back one.
  static let maximumKeyframeInterval = 32

  let depth: Int
  let byteBudget: Int
  /// A fixed K, or nil to derive it from the snapshots' size.
  let fixedKeyframeInterval: Int?
  private var entries: Deque<Entry> = []
  /// The estimated bytes of the snapshots kept.
  private(set) var bytes = 0
  /// Marks since the last keyframe, and that keyframe's size.
  private var marksSinceKeyframe = 0
  private var lastKeyframeBytes = 0

  init(depth: Int, byteBudget: Int = defaultByteBudget, keyframeInterval: Int? = nil) {
    precondition(depth >= 0, "history depth must be ≥ 0")
    precondition(byteBudget >= 0, "history byte budget must be ≥ 0")
    precondition(keyframeInterval.map { $0 >= 1 } ?? true, "a keyframe interval is at least 1")
    self.depth = depth
    self.byteBudget = byteBudget
    self.fixedKeyframeInterval = keyframeInterval
  }

  /// Steps back available.
  var count: Int { entries.count }

  /// K for the next iterations.
  private var keyframeInterval: Int {
    fixedKeyframeInterval
      ?? min(max(lastKeyframeBytes / Self.bytesPerKeyframeStep, Self.minimumKeyframeInterval), Self.maximumKeyframeInterval)
  }

  /// Whether the state before the next iteration is kept whole (`push`)
  /// rather than marked (`pushMark`). Right after a command it is: the
  /// command's keyframe holds the state before the command, from which
  /// playing iterations again would leave the command out.
  var wantsKeyframe: Bool {
    guard case .keyframe(let snapshot, _)? = lastKeyframe else { return true }
    return snapshot.before == .command || marksSinceKeyframe + 1 >= keyframeInterval
  }

  /// The newest keyframe, which the marks after it (if any) follow.
  private var lastKeyframe: Entry? {
    entries.last { if case .keyframe = $0 { true } else { false } }
  }

  /// Before an iteration between keyframes: a mark.
  mutating func pushMark() {
    guard depth > 0 else { return }
    entries.append(.iteration)
    marksSinceKeyframe += 1
    trim()
  }

  /// A keyframe: before a command, or an iteration that starts a new run of marks.
  mutating func push(_ snapshot: Snapshot) {
    guard depth > 0 else { return }
    let size = snapshot.estimatedBytes
    entries.append(.keyframe(snapshot, bytes: size))
    bytes += size
    marksSinceKeyframe = 0
    lastKeyframeBytes = size
    trim()
  }

  /// Drops the oldest keyframe with its marks while the rest still holds
  /// `depth` steps, or while over the bytes (the newest keyframe stays):
  /// so the history holds at least `depth` steps back once it has them,
  /// and fewer than `depth` + K.
  private mutating func trim() {
    while let oldest = oldestSegmentLength, oldest < entries.count,
      entries.count - oldest >= depth || bytes > byteBudget
    {
      for _ in 0..<oldest {
        if case .keyframe(_, let size) = entries.removeFirst() { bytes -= size }
      }
    }
  }

  /// The oldest keyframe and the marks after it, in entries.
  private var oldestSegmentLength: Int? {
    guard case .keyframe? = entries.first else { return nil }
    var length = 1
    while length < entries.count, case .iteration = entries[length] { length += 1 }
    return length
  }

  mutating func pop() -> Restoration? {
    guard let last = entries.popLast() else { return nil }
    switch last {
    case .keyframe(let snapshot, let size):
      bytes -= size
      marksSinceKeyframe = 0
      for entry in entries.reversed() {
        guard case .iteration = entry else { break }
        marksSinceKeyframe += 1
      }
      return .snapshot(snapshot)
    case .iteration:
      marksSinceKeyframe -= 1
      var iterations = 1
      for entry in entries.reversed() {
        switch entry {
        case .iteration: iterations += 1
        case .keyframe(let snapshot, _): return .replay(from: snapshot, iterations: iterations)
        }
      }
      preconditionFailure("a mark of the history has no keyframe before it")
    }
  }

  mutating func removeAll() {
    entries.removeAll()
    bytes = 0
    marksSinceKeyframe = 0
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
