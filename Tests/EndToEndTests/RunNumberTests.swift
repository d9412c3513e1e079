import Foundation
import Testing

/// Runs are numbered from 1 on the screen as in breakpoints: in the tour
/// `run 1` is Adam, the first run listed, and a run the scene lacks is
/// refused with a caret under its number. One at a time, as
/// `InteractiveAppTests`.
@Suite(.serialized)
struct RunNumberTests {
  private func startTour() throws -> TmuxSession {
    let session = try TmuxSession(
      [OptiscopeBinary.path, "replay", "tour"], width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    try session.closeCaption()
    return session
  }

  @Test func aBreakpointOnARunTheSceneLacksIsRefusedAtItsNumber() throws {
    let session = try startTour()
    defer { session.kill() }
    try session.type("b")
    try session.type("run 9 best < 1")
    try session.press("Enter")
    let refused = try session.waitForScreen(containing: "no run 9")
    #expect(ScreenReading.showsCaret(under: 4, of: "run 9 best < 1", in: refused), "\(refused)")
    #expect(refused.contains("its runs are 1 to 3"), "\(refused)")
  }

  /// `optiscope replay tour --headless --break "run 1 best < 5"` stops at
  /// step 104, when Adam's best gets below 5; the swarm, run 2, is there
  /// at step 2.
  @Test func runOneIsTheFirstRunListed() throws {
    let session = try startTour()
    defer { session.kill() }
    try session.type("b")
    try session.type("run 1 best < 5")
    try session.press("Enter")
    try session.waitForScreen(containing: "breakpoint set: run 1 best < 5")
    let stopped = try session.waitForScreen(containing: "breakpoint: run 1 best < 5 (step 104)", timeout: .seconds(60))
    #expect(stopped.contains("1 adam"), "the first panel is run 1, Adam: \(stopped)")
    let adamBest = try #require(ScreenReading.bestLosses(in: stopped).first.flatMap(Double.init))
    #expect(adamBest < 5)
  }
}
