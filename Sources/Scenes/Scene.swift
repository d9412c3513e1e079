import Engine
import External
import OptimizerCore
import ViewModel

/// A saved session: its recipe (landscape, seed, runs, view, budget), the
/// live changes made to it in order, and checksums that a replay must meet.
///
/// Replaying a scene rebuilds the session from the recipe and applies each
/// event at its step; everything is seeded, so the replay is the original
/// run, bit for bit. The file format is docs/SCENES.md.
public struct Scene: Sendable, Hashable {
  /// The format version this build writes: version 2 numbers runs from 1
  /// in events and checksums (`run: 1` is the first run listed).
  public static let formatVersion = 2
  /// The versions this build reads: version 1 named runs by id, from 0.
  public static let readableVersions = 1...2

  public var title: String
  /// What to watch for, in a few sentences.
  public var description: String
  public var landscape: LandscapeSource
  /// σ of the additive Gaussian noise at step 0.
  public var noise: Double
  public var seed: UInt64
  /// The runs at step 0; they get ids 0, 1, … in this order.
  public var runs: [RunSetup]
  public var view: MapView
  public var budget: Budget
  /// How many steps the scene lasts, counted after its last reset.
  public var steps: Int
  /// The live changes, in the order they were made.
  public var events: [SceneEvent]
  /// What a replay must reproduce; nil when the scene carries none.
  public var checksums: Checksums?
  /// What each external optimizer's process did, by where it was made, so
  /// that the scene replays without the process (docs/PROTOCOL.md).
  public var external: [ExternalTapes.Key: ExternalTape] = [:]

  public init(
    title: String, description: String = "", landscape: LandscapeSource, noise: Double = 0, seed: UInt64,
    runs: [RunSetup], view: MapView = MapView(), budget: Budget = .unlimited, steps: Int,
    events: [SceneEvent] = [], checksums: Checksums? = nil
  ) {
    self.title = title
    self.description = description
    self.landscape = landscape
    self.noise = noise
    self.seed = seed
    self.runs = runs
    self.view = view
    self.budget = budget
    self.steps = steps
    self.events = events
    self.checksums = checksums
  }

  /// How many iterations a replay takes in all: the steps of every epoch
  /// (each reset or landscape change ends one at its stamp) and then
  /// `steps` of the last.
  public var iterations: Int {
    events.reduce(steps) { total, event in event.restartsClock ? total + event.step : total }
  }

  /// The session at step 0, before any event.
  /// `external` says whether external optimizers may start their
  /// processes beyond what `external` tapes hold; `tapes`, when given, are
  /// used instead of the scene's (a player that starts again keeps its own).
  public func makeSession(
    historyDepth: Int = 0, historyByteBudget: Int = Session.defaultHistoryByteBudget, logsProbes: Bool = true,
    keepsTraces: Bool = true, external policy: ExternalTapes.Policy = .recordedOnly, tapes: ExternalTapes? = nil
  ) throws(SessionError) -> Session {
    try Session(
      landscape: landscape, runs: runs, seed: seed, noise: noise, budget: budget, historyDepth: historyDepth,
      historyByteBudget: historyByteBudget, logsProbes: logsProbes, keepsTraces: keepsTraces,
      externalTapes: tapes ?? ExternalTapes(policy: policy, tapes: external))
  }
}

/// What one step back undid: an iteration, or an applied event, which is
/// waiting again.
public enum StepBack: Sendable, Hashable {
  case iteration
  case event(SceneEvent)
}

/// A live change and the step it was made at.
///
/// The step is the session's step when the change was made: the change
/// comes before that step's iteration. Resets and landscape changes start
/// the count again from 0, so events are kept in the order they happened
/// and a step only ever counts from the last of those.
public struct SceneEvent: Sendable, Hashable {
  public var step: Int
  public var command: Command

  public init(step: Int, _ command: Command) {
    self.step = step
    self.command = command
  }

  /// True for the commands that put the session back at step 0.
  public var restartsClock: Bool {
    switch command {
    case .reset, .setLandscape: return true
    default: return false
    }
  }
}
