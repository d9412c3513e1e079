import CNcurses
import Glibc
import Rendering
import Visualizer

/// The interactive terminal: sets the terminal up, runs an
/// `InteractiveProgram` in it, and restores the terminal however the run
/// ends.
///
/// ```swift
/// guard TerminalSession.isAvailable else { throw TerminalError.notATerminal }
/// var program = …  // an InteractiveProgram
/// let ending = try TerminalSession.run(&program)
/// exit(ending.exitStatus)
/// ```
public final class TerminalSession {
  /// True when stdin and stdout are both terminals, as the session needs.
  public static var isAvailable: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

  /// What the terminal can show: the program renders for this.
  public let profile: DisplayProfile

  private let screen: CursesScreen
  private let signals: SignalWatch
  private var presenter: any FramePresenting
  private var decoder: InputDecoder
  private var pacer = FramePacer()
  private let clock = ContinuousClock()
  private var isOpen = true

  /// Takes over the terminal: a UTF-8 locale if the environment names one
  /// (ASCII glyphs otherwise), cbreak without echo, keypad keys, the
  /// cursor hidden, a 25 ms escape delay, colours (none with NO_COLOR) and
  /// the mouse; frames drawn by the writer `OPTISCOPE_WRITER` chooses
  /// (ours unless it says `ncurses`, or the terminal speaks no ECMA-48).
  /// Throws `TerminalError.notATerminal` when stdin or stdout is not a
  /// terminal, `.unknownWriter` for an OPTISCOPE_WRITER it does not know
  /// and `.unknownTerminal` when TERM has no terminfo.
  public init() throws {
    guard Self.isAvailable else { throw TerminalError.notATerminal }
    let writer = try FrameWriterChoice(variable: getenv("OPTISCOPE_WRITER").map { String(cString: $0) })
    setlocale(LC_ALL, "")
    let isUTF8 = CursesScreen.localeIsUTF8
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    signals = try SignalWatch()
    signals.install()
    do {
      screen = try CursesScreen.onTerminal(isUTF8: isUTF8, noColor: noColor)
    } catch {
      signals.uninstall()
      throw error
    }
    signals.screenIsUp(restoreSequence: screen.restoreSequence)
    profile = screen.capabilities.profile
    if writer == .own, let own = FrameWriter(screen: screen) {
      presenter = own
    } else {
      presenter = FramePresenter(screen: screen)
    }
    decoder = InputDecoder(extendedKeys: screen.extendedKeys)
  }

  /// Opens a session, runs `program` in it and closes it.
  public static func run<P: InteractiveProgram>(_ program: inout P) throws -> SessionEnding {
    let session = try TerminalSession()
    return try session.run(&program)
  }

  /// Runs `program` until it wants to quit or a signal asks to stop, then
  /// restores the terminal (also when this throws).
  ///
  /// The program first gets a `.resize` with the screen's size. Each turn
  /// waits for input until the program's next deadline or the next frame
  /// (forever when it has no deadline and nothing changed, so a paused
  /// program costs no CPU), hands it every pending input, lets it advance
  /// with a budget that leaves time to draw, and draws at most 60 frames a
  /// second.
  public func run<P: InteractiveProgram>(_ program: inout P) throws -> SessionEnding {
    defer { close() }
    let (width, height) = screen.size
    program.handle(.resize(width: width, height: height), at: clock.now)
    var needsDraw = true
    while true {
      if let signal = signals.takeQuitSignal() { return .signal(signal) }
      if signals.takeResumed() {
        screen.resume()
        presenter.invalidate()
        needsDraw = true
      }
      if program.wantsToQuit { return .quit }

      let wait = pacer.waitTime(now: clock.now, deadline: program.nextDeadline, needsDraw: needsDraw)
      switch try waitForInput(upTo: wait) {
      case .hangUp:
        return .signal(SIGHUP)
      case .timeout:
        break
      case .maybeInput:
        let now = clock.now
        while let raw = screen.read() {
          guard let event = decoder.decode(raw) else { continue }
          if case .resize = event { presenter.invalidate() }
          program.handle(event, at: now)
          needsDraw = true
        }
      }
      if program.wantsToQuit { return .quit }

      let now = clock.now
      if let deadline = program.nextDeadline, deadline <= now {
        program.advance(to: now, budget: pacer.stepBudget(now: now))
        needsDraw = true
      }
      let drawStart = clock.now
      if needsDraw, pacer.mayDraw(at: drawStart) {
        let (width, height) = screen.size
        let grid = program.render(width: width, height: height, profile: profile)
        presenter.present(grid, on: screen)
        pacer.frameDrawn(from: drawStart, to: clock.now)
        needsDraw = false
      }
    }
  }

  /// Restores the terminal; later calls do nothing.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    presenter.finish(on: screen)
    screen.close()
    signals.uninstall()
  }

  deinit { close() }

  /// What ended a wait for input.
  private enum Wakeup {
    /// The time was up.
    case timeout
    /// stdin is readable, or a signal (such as a resize) came.
    case maybeInput
    /// The terminal is gone (stdin hung up or closed).
    case hangUp
  }

  /// Blocks until stdin has input, a signal came or `timeout` passed (nil:
  /// no limit).
  private func waitForInput(upTo timeout: Duration?) throws -> Wakeup {
    var descriptors = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: signals.wakeDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    let milliseconds: Int32
    if let timeout {
      // Rounded up: a wait of 0.3 ms must not become a busy loop of 0 ms polls.
      let (seconds, attoseconds) = timeout.components
      milliseconds = Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    } else {
      milliseconds = -1
    }
    let ready = poll(&descriptors, 2, milliseconds)
    if ready < 0 {
      guard errno == EINTR else { throw TerminalError.systemCallFailed("poll", String(cString: strerror(errno))) }
      return .maybeInput
    }
    if descriptors[1].revents != 0 {
      signals.drain()
      return .maybeInput
    }
    let input = descriptors[0].revents
    if input & Int16(POLLIN) != 0 { return .maybeInput }
    if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
    return .timeout
  }
}
