import Engine
import External
import OptimizerCore

/// A scene being played or recorded: the session, and where it stands among
/// the scene's events.
///
/// Playing applies each event when the session reaches its step, just
/// before that step's iteration. Recording (any live change) drops the
/// events still waiting, applies the change and appends it: the scene forks
/// into a new recording. Stepping back undoes iterations and events alike;
/// an event undone this way waits again and comes back when the session
/// steps forward over it, until a live change forks the timeline.
public struct ScenePlayer: Sendable {
  public private(set) var session: Session
  /// The scene as loaded, with the live changes made since in its events.
  public private(set) var scene: Scene
  /// `scene.events[..<applied]` are in the session; the rest wait.
  public private(set) var applied: Int
  /// Clock restarts (resets and landscape changes) applied so far.
  public private(set) var epoch: Int
  /// True once the timeline belongs to the user: a new session, or a replay
  /// after a live change.
  public private(set) var isRecording: Bool
  /// Where the recording left the replayed scene, once a live change
  /// forked it; nil for a replay and for a recording started afresh.
  public private(set) var fork: SceneFork?
  private let historyDepth: Int
  private let historyByteBudget: Int

  /// Plays `scene` from step 0. `recording` starts a new recording (the
  /// scene is then only its recipe). The session keeps at most
  /// `historyDepth` steps to go back, within `historyByteBudget` bytes.
  /// Headless players that read only the runs' state turn off `logsProbes`
  /// and `keepsTraces` (`Session`).
  /// `external` says whether external optimizers may run their processes
  /// (the visualizer and `run`) or only replay their tapes (the default:
  /// verifying, checksums, exports); `tapes` carries a player's own tapes
  /// and processes into a player started again.
  public init(
    scene: Scene, recording: Bool = false, historyDepth: Int = 0,
    historyByteBudget: Int = Session.defaultHistoryByteBudget, logsProbes: Bool = true, keepsTraces: Bool = true,
    external: ExternalTapes.Policy = .recordedOnly, tapes: ExternalTapes? = nil
  ) throws(SceneError) {
    do {
      session = try scene.makeSession(
        historyDepth: historyDepth, historyByteBudget: historyByteBudget, logsProbes: logsProbes,
        keepsTraces: keepsTraces, external: external, tapes: tapes)
    } catch {
      throw SceneError("the scene cannot start: \(error)")
    }
    self.scene = scene
    self.applied = 0
    self.epoch = 0
    self.isRecording = recording
    self.historyDepth = historyDepth
    self.historyByteBudget = historyByteBudget
    if recording { self.scene.events = [] }
  }

  /// The events still waiting for their step.
  public var pendingEvents: ArraySlice<SceneEvent> { scene.events[applied...] }

  /// The events applied by the last `stepForward` or `applyDueEvents`.
  public private(set) var lastApplied: [SceneEvent] = []

  /// True when nothing is left to play: no event waits and the session has
  /// reached the scene's length.
  public var isAtEnd: Bool { pendingEvents.isEmpty && session.step >= scene.steps }

  // MARK: - Playing

  /// Applies the events due at the current step, in order.
  @discardableResult
  public mutating func applyDueEvents() throws(SceneError) -> [SceneEvent] {
    var done: [SceneEvent] = []
    while applied < scene.events.count {
      let event = scene.events[applied]
      guard event.step <= session.step else { break }
      guard event.step == session.step else {
        throw SceneError("event \(applied) is stamped step \(event.step) but the scene was already at step \(session.step)")
      }
      do { try session.apply(event.command) } catch {
        throw SceneError("event \(applied) at step \(event.step) failed: \(error)")
      }
      noteApplied(event)
      done.append(event)
    }
    lastApplied = done
    return done
  }

  /// Applies the events due now, then takes one iteration.
  @discardableResult
  public mutating func stepForward() throws(SceneError) -> [SceneEvent] {
    let done = try applyDueEvents()
    session.stepForward()
    lastApplied = done
    return done
  }

  /// Plays until the end of the scene (applying its last events).
  public mutating func playToEnd() throws(SceneError) {
    while try advance() != nil {}
  }

  /// Undoes the last iteration or event. False when the history is empty.
  ///
  /// Every command the session holds in its history is an applied event
  /// (resets, which are not undoable, clear it), so undoing a command puts
  /// the last applied event back among the waiting ones.
  ///
  /// Says what it undid (nil when there is nothing to go back to), so that
  /// the screen can tell a step from a live change taken back.
  @discardableResult
  public mutating func stepBack() -> StepBack? {
    guard let undone = session.stepBack() else { return nil }
    guard undone == .command else { return .iteration }
    applied -= 1
    let event = scene.events[applied]
    if event.restartsClock { epoch -= 1 }
    return .event(event)
  }

  // MARK: - Recording

  /// Makes a live change: the waiting events are dropped (the timeline
  /// forks), the change is applied and appended, stamped with the step.
  ///
  /// A `set` of the parameter the last event set, at the same step and
  /// with nothing between (← held down, a value typed twice), replaces
  /// that event rather than adding one: the replay is the same, since a
  /// set only takes effect at the next step, and a long session's file
  /// keeps one event per change that mattered. One step back then undoes
  /// both.
  public mutating func record(_ command: Command) throws(SessionError) {
    if try replacesLastSet(with: command) { return }
    let event = SceneEvent(step: session.step, command)
    try session.apply(command)
    if !isRecording {
      fork = SceneFork(
        title: scene.title, step: session.step, epoch: epoch, keptEvents: applied,
        droppedEvents: scene.events.count - applied)
    }
    if applied < scene.events.count { scene.events.removeSubrange(applied...) }
    scene.events.append(event)
    isRecording = true
    noteApplied(event)
  }

  /// The scene to save: while recording, what was done up to now (a fork
  /// titled and described as `SceneFork` says); while replaying an
  /// unchanged scene, the scene itself. Without checksums
  /// (`SceneChecksums.recorded(for:)` adds them).
  public var recording: Scene {
    var copy = scene
    copy.checksums = nil
    copy.external = Dictionary(uniqueKeysWithValues: session.externalTapes.all.map { ($0.key, $0.tape) })
    if isRecording {
      copy.events = Array(scene.events[..<applied])
      copy.steps = session.step
      if let fork {
        copy.title = fork.editedTitle
        copy.description = fork.description(events: copy.events)
      }
    } else if pendingEvents.isEmpty {
      copy.steps = max(scene.steps, session.step)
    }
    return copy
  }

  /// True when `recording` equals `saved`, an earlier `recording` of this
  /// player, without building it: the recipe never changes while playing,
  /// so only the length and the events can differ, and the length is
  /// compared first. Cheap enough for every frame.
  public func recordingMatches(_ saved: Scene) -> Bool {
    guard isRecording else { return recording == saved }
    return session.step == saved.steps && applied == saved.events.count
      && scene.events[..<applied].elementsEqual(saved.events)
  }

  // MARK: - Bookkeeping

  /// `record`'s coalescing: true when `command` set the same parameter as
  /// the last event, at its step, and took its place.
  private mutating func replacesLastSet(with command: Command) throws(SessionError) -> Bool {
    guard isRecording, applied == scene.events.count, let last = scene.events.last, last.step == session.step,
      case .setHyperparameter(let run, let name, _) = command,
      case .setHyperparameter(run, name, _) = last.command, session.stepsBack > 0
    else { return false }
    guard session.stepBack() == .command else {
      preconditionFailure("the last event's step holds its command at the top of the history")
    }
    do {
      try session.apply(command)
    } catch {
      // Refused: the earlier set stands, as it was.
      try session.apply(last.command)
      throw error
    }
    scene.events[scene.events.count - 1] = SceneEvent(step: last.step, command)
    return true
  }

  private mutating func noteApplied(_ event: SceneEvent) {
    applied += 1
    if event.restartsClock { epoch += 1 }
  }
}

extension ScenePlayer {
  /// Goes to `target` of the current clock (the step the screen shows):
  /// forward by playing, back by undoing, and from the start when the
  /// history does not reach that far back.
  public mutating func jump(to target: Int) throws(SceneError) {
    precondition(target >= 0, "steps count from 0")
    while session.step < target { try stepForward() }
    while session.step > target, stepBack() != nil {}
    guard session.step > target else { return }
    let targetEpoch = epoch
    var fresh = try ScenePlayer(
      scene: scene, historyDepth: historyDepth, historyByteBudget: historyByteBudget, logsProbes: session.logsProbes,
      keepsTraces: session.keepsTraces, tapes: session.externalTapes)
    fresh.isRecording = isRecording
    fresh.fork = fork
    while !(fresh.epoch == targetEpoch && fresh.session.step == target) {
      if let next = fresh.pendingEvents.first, next.step == fresh.session.step {
        try fresh.applyDueEvents()
      } else {
        try fresh.stepForward()
      }
    }
    self = fresh
  }
}
