import Foundation
import Testing

/// The real `optiscope` in tmux, used as a person would (issue 5's
/// end-to-end list). They run once the binary has its interactive mode
/// (`optiscope --help` lists `play`), and one at a time: each keeps a live
/// program busy on a small machine.
@Suite(.serialized)
struct InteractiveAppTests {
  /// Starts optiscope with `arguments`, waits for the heat map and closes
  /// the caption it opens with.
  private func start(_ arguments: [String] = [], width: Int = 120, height: Int = 40) throws -> TmuxSession {
    let session = try TmuxSession(
      [OptiscopeBinary.path] + arguments, width: width, height: height,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    try session.waitForScreen("the heat map in 256 colours", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
    try session.closeCaption()
    return session
  }

  /// Pauses and waits until the step counter stands still.
  private func pause(_ session: TmuxSession) throws -> Int {
    try session.press("Space")
    var last: Int? = nil
    let screen = try session.waitForScreen("the step counter to stop") { screen in
      let step = ScreenReading.step(in: screen)
      defer { last = step }
      usleep(100_000)
      return step != nil && step == last
    }
    return try #require(ScreenReading.step(in: screen))
  }

  private let gradientDescent = ["play", "--landscape", "rosenbrock", "--optimizer", "gd"]

  @Test func theHeatMapIsDrawnWithHalfBlocksIn256Colours() throws {
    let session = try start()
    defer { session.kill() }
    #expect(ScreenReading.rows(of: try session.screen()).count == 40)
  }

  @Test func eachStepForwardAddsOneAndAStepBackTakesOneAway() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    let paused = try pause(session)
    try session.type(".")
    try session.waitForScreen("step \(paused + 1)") { ScreenReading.step(in: $0) == paused + 1 }
    try session.type(".")
    try session.waitForScreen("step \(paused + 2)") { ScreenReading.step(in: $0) == paused + 2 }
    try session.type(",")
    try session.waitForScreen("step \(paused + 1) again") { ScreenReading.step(in: $0) == paused + 1 }
  }

  @Test func arrowsChangeTheLearningRateAndShowTheNewValue() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    _ = try pause(session)
    let original = try #require(ScreenReading.learningRate(in: try session.screen()))
    try session.press("Right")
    let raised = try session.waitForScreen("a new learning rate") {
      ScreenReading.learningRate(in: $0).map { $0 != original } ?? false
    }
    // Notches land on 1, 2 or 5 times a power of ten.
    let value = try #require(ScreenReading.learningRate(in: raised))
    #expect(value != original && Double(value).map(Self.isRound) == true, "lr = \(value)")
    try session.press("Left")
    let lowered = try session.waitForScreen("a lower learning rate") {
      ScreenReading.learningRate(in: $0).map { $0 != value } ?? false
    }
    #expect(ScreenReading.learningRate(in: lowered).flatMap(Double.init).map(Self.isRound) == true)
    try session.type("d")
    try session.waitForScreen("the learning rate \(original) again") { ScreenReading.learningRate(in: $0) == original }
  }

  /// True for 1, 2 or 5 times a power of ten.
  static func isRound(_ value: Double) -> Bool {
    let mantissa = value / pow(10, floor(log10(value)))
    return [1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }
  }

  @Test func swappingTheOptimizerShowsItsName() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    #expect(!(try session.screen()).contains("adam"))
    try session.type("o")
    try session.type("adam")
    try session.press("Enter")
    // A preset asks for its parts with its own offered first: enter keeps them.
    try session.waitForScreen(containing: "adam: gradient source")
    try session.press("Enter")
    try session.waitForScreen(containing: "adam(analytic, adam)")
  }

  /// Swapping to the gravity swarm asks for its members' parts, as descent does.
  /// `A` then `K`: the status line names the axis and then its new kind.
  @Test func aAndKCycleAnAxisKindAndSaySo() throws {
    let session = try start(["play", "--landscape", "booth", "--optimizer", "pso", "--paused"])
    defer { session.kill() }
    try session.type("A")
    try session.waitForScreen(containing: "axis y selected: continuous")
    try session.type("K")
    try session.waitForScreen(containing: "axis y: integer")
    try session.type("K")
    try session.waitForScreen(containing: "axis y: boolean")
  }

  @Test func swappingToTheGravitySwarmAsksForItsParts() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    try session.type("o")
    try session.type("gravity-swarm")
    try session.press("Enter")
    try session.waitForScreen(containing: "gravity-swarm: gradient source")
    for part in ["spsa", "momentum", "done"] {
      try session.type(part)
      try session.press("Enter")
    }
    try session.waitForScreen(containing: "gravity-swarm(spsa, momentum)")
  }

  @Test func aBadExpressionShowsACaretAndAGoodOneChangesTheMap() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    _ = try pause(session)
    let before = try session.screenWithColours()
    try session.type("e")
    try session.type("x +* y")
    try session.waitForScreen("a caret under the '*'") { ScreenReading.showsCaret(under: 3, of: "x +* y", in: $0) }
    for _ in 0..<"x +* y".count { try session.press("BSpace") }
    try session.type("x*x + y*y")
    try session.waitForScreen("the caret to go") { screen in
      screen.contains("x*x + y*y") && !(0..<9).contains { ScreenReading.showsCaret(under: $0, of: "x*x + y*y", in: screen) }
    }
    try session.press("Enter")
    try session.waitForScreen("a different heat map", colours: true) {
      ScreenReading.showsHeatMap(coloured: $0) && $0 != before
    }
  }

  @Test func resizingLeavesNoGarbage() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    _ = try pause(session)
    let before = try session.screen()
    for (width, height) in [(80, 24), (200, 60)] {
      try session.resize(width: width, height: height)
      try session.waitForScreen("the screen redrawn at \(width)×\(height)") { screen in
        let rows = ScreenReading.rows(of: screen)
        return rows.count == height && rows.contains { $0.count > width / 2 } && screen != before
      }
    }
    try session.resize(width: 120, height: 40)
    try session.waitForScreen("the first screen back, cell for cell") { $0 == before }
  }

  @Test func aTerminalBelowTheMinimumSizeGetsAMessage() throws {
    let session = try start(gradientDescent)
    defer { session.kill() }
    try session.resize(width: 30, height: 10)
    try session.waitForScreen("the size message") { ScreenReading.showsSizeMessage($0) }
    try session.resize(width: 120, height: 40)
    try session.waitForScreen("the heat map again", colours: true) { ScreenReading.showsHeatMap(coloured: $0) }
  }

  @Test(arguments: [("q", false), ("C-c", true)])
  func quittingExitsWithZeroAndRestoresTheTerminal(key: String, isSpecialKey: Bool) throws {
    // Paused, so that nothing is recorded and q does not ask first.
    let session = try start(["play", "--paused"])
    defer { session.kill() }
    #expect(try session.terminalState().alternateScreen)
    if isSpecialKey { try session.press(key) } else { try session.type(key) }
    #expect(try session.waitForExit() == 0)
    #expect(try session.terminalState() == .restored)
  }

  @Test func withoutATerminalItSaysWhichCommandsWorkHeadless() throws {
    let outcome = try CommandRunner.run(OptiscopeBinary.path, [])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("optiscope run"))
    #expect(outcome.stderr.contains("optiscope render"))
  }
}
