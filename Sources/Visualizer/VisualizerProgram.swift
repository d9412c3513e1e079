import Engine
import Rendering

/// The visualizer as the terminal loop drives it: keys and clicks become
/// actions, time becomes steps at the chosen speed, and the state becomes
/// a screen.
public struct VisualizerProgram: InteractiveProgram {
  public private(set) var state: AppState
  var screen = Screen()
  /// When the last due step was taken, while running.
  private var clock: ContinuousClock.Instant?

  public init(state: AppState) { self.state = state }

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

  public var nextDeadline: ContinuousClock.Instant? {
    guard state.isRunning, let clock else { return nil }
    guard let rate = state.speed.stepsPerSecond else { return clock }
    return clock + .seconds(1 / rate)
  }

  public mutating func advance(to now: ContinuousClock.Instant, budget: Duration) {
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
        step()
        last += interval
      }
      if now - last > .seconds(1) { last = now }  // do not hoard a backlog
    } else {
      repeat { step() } while ContinuousClock.now - started < budget
      last = now
    }
    clock = state.isRunning ? last : nil
  }

  private mutating func step() {
    guard !state.session.isFinished else {
      state.isRunning = false
      state.message = StatusMessage("every run has used its budget")
      return
    }
    state.session.stepForward()
    state.recorder.record(state.session)
  }

  public mutating func render(width: Int, height: Int, profile: DisplayProfile) -> CellGrid {
    screen.render(state, width: width, height: height, profile: profile)
  }
}
