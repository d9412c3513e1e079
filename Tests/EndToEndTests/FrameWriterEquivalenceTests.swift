import Foundation
import Testing

/// Our own frame writer against ncurses's (`OPTISCOPE_WRITER`): the same
/// program driven by the same keys in two tmux panes, one per writer, must
/// show the same screen, cell by cell, text and colours, after every
/// action: steps, colour map and scale changes, the help overlay, resizes.
/// One at a time, as `InteractiveAppTests`.
@Suite(.serialized)
struct FrameWriterEquivalenceTests {
  static let writers = ["own", "ncurses"]

  /// The terminals compared: a palette the program redefines (xterm-256color,
  /// outside a multiplexer as far as the program knows), the fixed
  /// 256-colour palette (tmux-256color) and 24-bit colour (COLORTERM).
  static let terminals: [[String: String]] = [
    ["TERM": "xterm-256color"], ["TERM": "tmux-256color"], ["TERM": "tmux-256color", "COLORTERM": "truecolor"],
  ]

  private func start(
    _ writer: String, _ arguments: [String], environment: [String: String] = [:], outputLog: URL? = nil
  ) throws -> TmuxSession {
    try TmuxSession(
      [OptiscopeBinary.path] + arguments, width: 120, height: 40,
      environment: environment.merging(["OPTISCOPE_RECOVERY": "off", "OPTISCOPE_WRITER": writer]) { $1 },
      outputLog: outputLog)
  }

  /// One writer's pane and what the program wrote into it.
  private struct Pane {
    let session: TmuxSession
    let log: URL

    /// The screen as the terminal shows it: cells, with the palette the
    /// program redefined so far.
    func cells() throws -> CapturedCells {
      let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      return CapturedCells(try session.screenWithColours()).showing(CapturedCells.redefinedPalette(in: output))
    }
  }

  /// Waits until both panes show the same cells (a frame may still be on
  /// its way to one of them).
  private func expectSameScreens(_ own: Pane, _ ncurses: Pane, after action: String) throws {
    let clock = ContinuousClock(), deadline = clock.now + .seconds(15)
    while true {
      guard let difference = try own.cells().firstDifference(from: try ncurses.cells()) else { return }
      guard clock.now < deadline else {
        let mine = try own.session.screen(), theirs = try ncurses.session.screen()
        Issue.record("after \(action) the screens differ at \(difference); our writer's:\n\(mine)\nncurses's:\n\(theirs)")
        return
      }
      usleep(100_000)
    }
  }

  /// What the test does, and what the screen shows once the program did it.
  private typealias Action = (name: String, act: @Sendable (TmuxSession) throws -> Void, done: @Sendable (String) -> Bool)

  private static let actions: [Action] = [
    ("a step (.)", { try $0.type(".") }, { ScreenReading.sessionStep(in: $0) == 1 }),
    ("a second step (.)", { try $0.type(".") }, { ScreenReading.sessionStep(in: $0) == 2 }),
    ("a colour map change (c)", { try $0.type("c") }, { $0.contains("magma") }),
    ("a scale change (C)", { try $0.type("C") }, { $0.contains("rank scale") }),
    ("a step back (,)", { try $0.type(",") }, { ScreenReading.sessionStep(in: $0) == 1 }),
    ("a resize to 90×30", { try $0.resize(width: 90, height: 30) }, { ScreenReading.rows(of: $0).count == 30 }),
    ("a step at 90×30 (.)", { try $0.type(".") }, { ScreenReading.sessionStep(in: $0) == 2 }),
    ("a resize to 160×50", { try $0.resize(width: 160, height: 50) }, { ScreenReading.rows(of: $0).count == 50 }),
    ("the help overlay (?)", { try $0.type("?") }, { $0.contains("select a hyperparameter") }),
    ("the help closed (esc)", { try $0.press("Escape") }, { !$0.contains("select a hyperparameter") }),
    ("trails off (t)", { try $0.type("t") }, { $0.contains("trails off") }),
    ("a resize back to 120×40", { try $0.resize(width: 120, height: 40) }, { ScreenReading.rows(of: $0).count == 40 }),
  ]

  @Test(arguments: terminals)
  func ourWriterLeavesTheScreenAsNcursesDoes(terminal: [String: String]) throws {
    let arguments = ["play", "--landscape", "himmelblau", "--optimizer", "pso", "--seed", "4", "--paused"]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-writers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func pane(_ writer: String) throws -> Pane {
      let log = folder.appendingPathComponent("\(writer).out")
      return Pane(session: try start(writer, arguments, environment: terminal, outputLog: log), log: log)
    }
    let own = try pane("own"), ncurses = try pane("ncurses")
    defer {
      own.session.kill()
      ncurses.session.kill()
    }
    try own.session.closeCaption()
    try ncurses.session.closeCaption()
    try expectSameScreens(own, ncurses, after: "the caption closed")
    for action in Self.actions {
      for pane in [own, ncurses] {
        try action.act(pane.session)
        try pane.session.waitForScreen(action.name, until: action.done)
      }
      try expectSameScreens(own, ncurses, after: action.name)
    }
  }

  /// The core screens with each writer: the heat map in 256 colours, a
  /// step, the help overlay, a resize, and the terminal put back at the end.
  @Test(arguments: writers)
  func theCoreScreensDrawWithEitherWriter(writer: String) throws {
    let session = try start(writer, ["play", "--paused"])
    defer { session.kill() }
    try session.waitForScreen("the heat map in 256 colours", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    try session.closeCaption()
    let step = try #require(ScreenReading.sessionStep(in: try session.screen()))
    try session.type(".")
    try session.waitForScreen("step \(step + 1)") { ScreenReading.sessionStep(in: $0) == step + 1 }
    try session.type("?")
    try session.waitForScreen(containing: "select a hyperparameter")
    try session.press("Escape")
    try session.waitForScreen("the help closed") { !$0.contains("select a hyperparameter") }
    try session.resize(width: 100, height: 30)
    try session.waitForScreen("the screen redrawn at 100×30") { ScreenReading.rows(of: $0).count == 30 }
    try session.waitForScreen("the heat map again", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    try session.type("q")
    #expect(try session.waitForExit() == 0)
    #expect(try session.terminalState() == .restored)
  }
}
