import Foundation
import Testing

/// One update taken apart in the running binary: `u` opens the sub-step
/// mode on the next iteration, → walks its stages, and the numbers shown
/// are those `optiscope run --format json` reports for the same run.
@Suite(.serialized)
struct SubstepTests {
  static let run = [
    "--landscape", "sphere", "--optimizer", "adam", "--guard", "undo", "--start", "3,2", "--seed", "5",
  ]

  /// The numbers after `symbol` at the start of a panel row (a vector's
  /// components, or one number), from the first such row that has any: a
  /// formula line may start with the symbol too.
  func numbers(after symbol: String, in screen: String) -> [Double] {
    for row in ScreenReading.rows(of: screen) {
      guard let range = row.range(of: "│" + symbol + " ") else { continue }
      let rest = row[range.upperBound...].prefix { $0 != "│" }
      let numbers = rest.split(whereSeparator: { " (),".contains($0) }).compactMap { Double($0) }
      if !numbers.isEmpty { return numbers }
    }
    return []
  }

  @Test func adamsThirdStepTakenApartMatchesTheRunCommand() throws {
    let session = try TmuxSession(
      [OptiscopeBinary.path, "play"] + Self.run + ["--paused"], width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.closeCaption()
    try session.type("..")
    try session.waitForScreen("two steps") { ScreenReading.sessionStep(in: $0) == 2 }
    try session.type("u")
    let estimate = try session.waitForScreen(containing: "stage 1 of 5 · estimate")
    #expect(estimate.contains("TAKING A STEP APART"))
    // Sphere: ĝ = ∇f(x) = 2x, to the digits shown.
    let x = numbers(after: "x", in: estimate), g = numbers(after: "ĝ", in: estimate)
    #expect(x.count == 2 && g.count == 2, "\(estimate)")
    for i in 0..<min(x.count, g.count) { #expect(abs(g[i] - 2 * x[i]) <= 1e-5 * abs(g[i])) }

    for name in ["momentum blend", "Adam scaling", "guard: undo", "move"] {
      try session.press("Right")
      try session.waitForScreen(containing: "· \(name)")
    }
    let move = try session.screen()
    #expect(move.contains("stage 5 of 5 · move"))
    let landed = numbers(after: "x′", in: move), loss = numbers(after: "f(x′)", in: move)

    let outcome = try CommandRunner.run(
      OptiscopeBinary.path, ["run"] + Self.run + ["--steps", "3", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let best = try #require(document["best"] as? [String: Any])
    let point = try #require(best["point"] as? [Double]), bestLoss = try #require(best["loss"] as? Double)
    // Undo evaluates every move, so on the sphere the run's best is where
    // the third step landed.
    #expect(landed.count == 2 && loss.count == 1, "\(move)")
    for (shown, exact) in zip(landed, point) { #expect(abs(shown - exact) <= 1e-5 * abs(exact), "x′ \(landed) vs \(point)") }
    if let shown = loss.first { #expect(abs(shown - bestLoss) <= 1e-5 * bestLoss, "f(x′) \(shown) vs \(bestLoss)") }

    // Past the last stage the step is taken and the next one opens.
    try session.press("Right")
    let next = try session.waitForScreen(containing: "stage 1 of 5 · estimate")
    #expect(ScreenReading.sessionStep(in: next) == 3)
    try session.press("Escape")
    let left = try session.waitForScreen("the mode to close") { !$0.contains("TAKING A STEP APART") }
    #expect(left.contains("PAUSED") || left.contains("RECORDING"))
  }

  /// The tour's third run, the adaptive-order walk, takes its step apart
  /// down to the order change, which names the rule and the new order.
  @Test func theToursWalkTakesItsStepApartDownToTheOrderChange() throws {
    let session = try TmuxSession(
      [OptiscopeBinary.path, "replay", "tour"], width: 120, height: 40,
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.closeCaption()
    try session.type("3")
    try session.type("u")
    let first = try session.waitForScreen(containing: "run 3 adaptive-order-walk · step")
    #expect(first.contains("stage 1 of") && first.contains("TAKING A STEP APART"), "\(first)")
    var screen = first
    for _ in 0..<8 where !screen.contains("· order change") {
      try session.press("Right")
      usleep(150_000)
      screen = try session.screen()
    }
    #expect(screen.contains("· order change"), "\(screen)")
    #expect(screen.contains("K′"), "the stage gives the new order: \(screen)")
    try session.press("Escape")
    let left = try session.waitForScreen("the mode to close") { !$0.contains("TAKING A STEP APART") }
    #expect(left.contains("3 adaptive-order-walk"))
  }
}
