import Engine
import Rendering
import Scenes

/// The visualizer as the terminal loop drives it: keys and clicks become
/// actions, time becomes steps at the chosen speed and ticks, and the
/// state becomes a screen. It is the runtime of the Elm loop: `update`
/// decides, and this performs the effects it returns (through
/// `EffectRunner`) and feeds their outcomes back as actions.
public struct VisualizerProgram: InteractiveProgram {
  public private(set) var state: AppState
  var screen = Screen()
  /// When the last due step was taken, while running.
  private var clock: ContinuousClock.Instant?
  private let runner: EffectRunner
  private let environment: AppEnvironment
  /// While a background job runs, when to look for its reports next.
  private var pollAt: ContinuousClock.Instant?
  /// How often a running save's progress is read: the status line's pace.
  static let pollInterval = Duration.milliseconds(100)

  /// `recovery` names the file an unsaved recording is kept in; nil keeps
  /// none.
  public init(state: AppState, recovery: RecoveryFile? = nil, environment: AppEnvironment = .live) {
    self.state = state
    self.state.recovery.isKept = recovery != nil
    self.runner = EffectRunner(recovery: recovery)
    self.environment = environment
  }

  /// Where the unsaved recording is kept; nil keeps none.
  public var recovery: RecoveryFile? { runner.recovery }

  public var wantsToQuit: Bool { state.wantsToQuit }

  public mutating func handle(_ event: InputEvent, at now: ContinuousClock.Instant) {
    receiveReports(at: now)
    switch event {
    case .key(let key):
      perform(Visualizer.handle(&state, key: key, in: environment), at: now)
    case .mouse(let mouse):
      if let action = action(for: mouse) { perform(update(&state, action, in: environment), at: now) }
    case .resize:
      break  // the next render lays the screen out for the new size
    }
    clock = state.stepsAreDue ? (clock ?? now) : nil
    perform(update(&state, .tick(now), in: environment), at: now)
  }

  /// Wheel zooms at the pointer; a click restarts the selected run there;
  /// shift-click or right-click drops a particle.
  func action(for mouse: MouseEvent) -> Action? {
    guard state.modal == nil, mouse.kind == .press,
      let point = screen.point(atColumn: mouse.column, row: mouse.row),
      let landscapePoint = screen.landscapePoint(atColumn: mouse.column, row: mouse.row)
    else { return nil }
    switch mouse.button {
    case .wheelUp: return .zoom(factor: 1.25, about: point)
    case .wheelDown: return .zoom(factor: 0.8, about: point)
    case .left: return mouse.shift ? .dropParticle(landscapePoint) : .setStart(landscapePoint)
    case .right: return .dropParticle(landscapePoint)
    case .middle, .none: return nil
    }
  }

  /// The next step while running, the next recovery write when the file
  /// is behind the session, or the next look at a running save.
  public var nextDeadline: ContinuousClock.Instant? {
    var deadlines = [state.recoveryDue, pollAt].compactMap { $0 }
    if state.stepsAreDue, let clock {
      deadlines.append(state.speed.stepsPerSecond.map { clock + .seconds(1 / $0) } ?? clock)
    }
    return deadlines.min()
  }

  public mutating func advance(to now: ContinuousClock.Instant, budget: Duration) {
    receiveReports(at: now)
    takeDueSteps(at: now, budget: budget)
    perform(update(&state, .tick(now), in: environment), at: now)
  }

  /// The screen; a remote function's map that the frame lacks is asked
  /// for (`BackgroundMap`) and drawn as its batches come in.
  public mutating func render(width: Int, height: Int, profile: DisplayProfile) -> CellGrid {
    let grid = screen.render(state, width: width, height: height, profile: profile)
    let wanted = screen.renderer.wantedSamples
    if state.backgroundMap.running?.request != wanted {
      perform(update(&state, .mapWanted(wanted), in: environment), at: .now)
    }
    return grid
  }

  /// After the terminal closed. A quit (with nothing unsaved, or "quit
  /// without saving") removes the recovery copy; a signal (Ctrl-C, a kill,
  /// a closed terminal) brings it up to date. Returns the copy's path when
  /// one is left behind.
  public mutating func close(quitting: Bool) -> String? {
    perform(state.recoveryOnClose(quitting: quitting), at: .now)
    guard let recovery, state.recovery.revision != nil, state.recovery.failure == nil else { return nil }
    return recovery.path
  }

  // MARK: - The loop's side

  /// The steps that are due, but never more than fit in the budget: a
  /// slow machine falls behind rather than freezing the screen.
  private mutating func takeDueSteps(at now: ContinuousClock.Instant, budget: Duration) {
    guard state.stepsAreDue else {
      clock = nil
      return
    }
    let started = ContinuousClock.now
    var last = clock ?? now
    if let rate = state.speed.stepsPerSecond {
      let interval = Duration.seconds(1 / rate)
      while last + interval <= now && ContinuousClock.now - started < budget {
        last += interval
        guard state.stepForward() else { break }
      }
      if now - last > .seconds(1) { last = now }  // do not hoard a backlog
    } else {
      while state.stepForward() && ContinuousClock.now - started < budget {}
      last = now
    }
    clock = state.stepsAreDue ? last : nil
  }

  /// Performs effects, and feeds every outcome known at once back through
  /// `update` (whose effects are performed in turn).
  private mutating func perform(_ effects: [Effect], at now: ContinuousClock.Instant) {
    var outcomes = runner.perform(effects)
    while !outcomes.isEmpty {
      outcomes += runner.perform(update(&state, outcomes.removeFirst(), in: environment))
    }
    if runner.hasRunningJobs, pollAt == nil { pollAt = now + Self.pollInterval }
  }

  /// Feeds what background jobs reported back through `update`, and keeps
  /// looking while any still runs.
  private mutating func receiveReports(at now: ContinuousClock.Instant) {
    for report in runner.takeOutcomes() { perform(update(&state, report, in: environment), at: now) }
    pollAt = runner.hasRunningJobs ? now + Self.pollInterval : nil
  }
}
