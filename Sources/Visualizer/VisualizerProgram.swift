import Engine
import Rendering
import Scenes

/// The visualizer as the terminal loop drives it: keys and clicks become
/// actions, time becomes steps at the chosen speed, and the state becomes
/// a screen. It also keeps the recovery copy of an unsaved recording.
public struct VisualizerProgram: InteractiveProgram {
  public private(set) var state: AppState
  var screen = Screen()
  /// When the last due step was taken, while running.
  private var clock: ContinuousClock.Instant?
  /// Where the unsaved recording is kept; nil keeps none.
  public let recovery: RecoveryFile?
  /// The wall time between two recovery writes while steps go on; a live
  /// change is written at once.
  public static let recoveryInterval = Duration.seconds(2)
  /// The state's revision in the recovery file, and when it was written.
  private var recoveryRevision: Int?
  private var recoveryWrittenAt: ContinuousClock.Instant?
  /// True once a recovery write failed: said once, not at every write.
  private var recoveryFailed = false

  public init(state: AppState, recovery: RecoveryFile? = nil) {
    self.state = state
    self.recovery = recovery
  }

  public var wantsToQuit: Bool { state.wantsToQuit }

  public mutating func handle(_ event: InputEvent, at now: ContinuousClock.Instant) {
    switch event {
    case .key(let key):
      Visualizer.handle(&state, key: key)
    case .mouse(let mouse):
      if let action = action(for: mouse) { update(&state, action) }
    case .resize:
      break  // the next render lays the screen out for the new size
    }
    clock = state.isRunning ? (clock ?? now) : nil
    keepRecovery(at: now)
  }

  /// Wheel zooms at the pointer; a click restarts the selected run there;
  /// shift-click or right-click drops a particle.
  func action(for mouse: MouseEvent) -> Action? {
    guard state.modal == nil, mouse.kind == .press,
      let point = screen.point(atColumn: mouse.column, row: mouse.row)
    else { return nil }
    switch mouse.button {
    case .wheelUp: return .zoom(factor: 1.25, about: point)
    case .wheelDown: return .zoom(factor: 0.8, about: point)
    case .left: return mouse.shift ? .dropParticle(point) : .setStart(point)
    case .right: return .dropParticle(point)
    case .middle, .none: return nil
    }
  }

  /// The next step while running, or the next recovery write when the
  /// file is behind the session.
  public var nextDeadline: ContinuousClock.Instant? {
    var deadline: ContinuousClock.Instant?
    if state.isRunning, let clock {
      deadline = state.speed.stepsPerSecond.map { clock + .seconds(1 / $0) } ?? clock
    }
    if recoveryIsBehind, let written = recoveryWrittenAt {
      let due = written + Self.recoveryInterval
      deadline = deadline.map { min($0, due) } ?? due
    }
    return deadline
  }

  public mutating func advance(to now: ContinuousClock.Instant, budget: Duration) {
    defer { keepRecovery(at: now) }
    guard state.isRunning else {
      clock = nil
      return
    }
    let started = ContinuousClock.now
    var last = clock ?? now
    if let rate = state.speed.stepsPerSecond {
      let interval = Duration.seconds(1 / rate)
      // Steps that are due, but never more than fit in the budget: a slow
      // machine falls behind rather than freezing the screen.
      while last + interval <= now && ContinuousClock.now - started < budget {
        last += interval
        guard state.stepForward() else { break }
      }
      if now - last > .seconds(1) { last = now }  // do not hoard a backlog
    } else {
      while state.stepForward() && ContinuousClock.now - started < budget {}
      last = now
    }
    clock = state.isRunning ? last : nil
  }

  public mutating func render(width: Int, height: Int, profile: DisplayProfile) -> CellGrid {
    screen.render(state, width: width, height: height, profile: profile)
  }

  // MARK: - Recovery

  /// True while the recording has unsaved changes the file does not hold.
  private var recoveryIsBehind: Bool {
    recovery != nil && recoveryRevision != state.revision && state.hasUnsavedChanges
  }

  /// Writes the recovery copy when a live change happened or the last
  /// write is two seconds old; removes it once nothing is unsaved (after a
  /// save, or after stepping back to what was saved).
  mutating func keepRecovery(at now: ContinuousClock.Instant) {
    defer { state.liveChangePending = false }
    guard let recovery else { return }
    guard state.hasUnsavedChanges else {
      if recoveryRevision != nil {
        recovery.remove()
        recoveryRevision = nil
        recoveryWrittenAt = nil
      }
      return
    }
    guard recoveryRevision != state.revision else { return }
    let due = recoveryWrittenAt.map { now - $0 >= Self.recoveryInterval } ?? true
    if state.liveChangePending || due { writeRecovery(at: now) }
  }

  private mutating func writeRecovery(at now: ContinuousClock.Instant) {
    guard let recovery else { return }
    do {
      try recovery.write(state.sceneToSave)
      recoveryFailed = false
    } catch {
      if !recoveryFailed { state.message = StatusMessage(error.description, kind: .error) }
      recoveryFailed = true
    }
    recoveryRevision = state.revision
    recoveryWrittenAt = now
  }

  /// After the terminal closed. A quit (with nothing unsaved, or "quit
  /// without saving") removes the recovery copy; a signal (Ctrl-C, a kill,
  /// a closed terminal) brings it up to date. Returns the copy's path when
  /// one is left behind.
  public mutating func close(quitting: Bool) -> String? {
    guard let recovery else { return nil }
    if quitting || !state.hasUnsavedChanges {
      if recoveryRevision != nil { recovery.remove() }  // only a file this session wrote
      recoveryRevision = nil
      return nil
    }
    if recoveryRevision != state.revision { writeRecovery(at: .now) }
    return recoveryFailed ? nil : recovery.path
  }
}
