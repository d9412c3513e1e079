import Foundation
import Testing

/// A scene opens with its caption: what it is about, read before it runs.
/// Any key closes it and the run goes on; `w` brings it back. One at a
/// time, as `InteractiveAppTests`.
@Suite(.serialized)
struct CaptionTests {
  private func start(_ arguments: [String]) throws -> TmuxSession {
    try TmuxSession(
      [OptiscopeBinary.path] + arguments, width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
  }

  @Test func theTourOpensWithItsTitleAndDescriptionAndWaitsForAKey() throws {
    let session = try start([])
    defer { session.kill() }
    let caption = try session.waitForScreen(containing: TmuxSession.captionFooter)
    #expect(caption.contains("Tour: three ways down Rosenbrock's curved valley"))
    #expect(caption.contains("Adam, a particle swarm and an adaptive-order random walk"), "\(caption)")
    // The run waits while the caption is read.
    usleep(1_000_000)
    #expect(ScreenReading.sessionStep(in: try session.screen()) == 0)
    try session.press("Escape")
    let running = try session.waitForScreen("the run to go on") { (ScreenReading.sessionStep(in: $0) ?? 0) >= 3 }
    #expect(!running.contains(TmuxSession.captionFooter))
    #expect(running.contains("REPLAYING"), "esc only closed the caption; the replay still runs")
    try session.type("w")
    let again = try session.waitForScreen(containing: TmuxSession.captionFooter)
    #expect(again.contains("Tour: three ways down Rosenbrock's curved valley"))
  }

  @Test func aRunOpenedWithPlaySaysWhatItsOptimizerDoes() throws {
    let session = try start(["play", "--landscape", "himmelblau", "--optimizer", "pso", "--paused"])
    defer { session.kill() }
    let caption = try session.waitForScreen(containing: TmuxSession.captionFooter)
    #expect(caption.contains("pso on Himmelblau"))
    #expect(caption.contains("The landscape is Himmelblau; its lowest value is f* = 0."), "\(caption)")
    #expect(caption.contains("pso — particle swarm: velocities pulled toward personal and"), "\(caption)")
    // A key other than esc, enter or space closes it and does its own work.
    try session.type(".")
    let stepped = try session.waitForScreen("one step") { ScreenReading.sessionStep(in: $0) == 1 }
    #expect(!stepped.contains(TmuxSession.captionFooter))
  }
}

/// A live change of a hyperparameter draws where the run would have gone
/// with the new value from its start; `W` hides and shows it.
@Suite(.serialized)
struct WhatIfPathTests {
  @Test func raisingAdamsLearningRateInTheTourShowsItsWhatIfPathAndWHidesIt() throws {
    let session = try TmuxSession(
      [OptiscopeBinary.path], width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.closeCaption()
    try session.waitForScreen("a few steps") { (ScreenReading.sessionStep(in: $0) ?? 0) >= 3 }
    #expect(!(try session.screen()).contains("adam if lr ="))
    // Run 1 (adam) and its first hyperparameter, lr, are selected.
    try session.press("Right")
    let shown = try session.waitForScreen(containing: "adam if lr =")
    #expect(shown.contains("W hides it") || shown.contains("from the start"), "\(shown)")
    try session.type("W")
    let hidden = try session.waitForScreen(containing: "what-if path off")
    #expect(!hidden.contains("adam if lr ="))
    try session.type("W")
    try session.waitForScreen(containing: "adam if lr =")
  }
}
