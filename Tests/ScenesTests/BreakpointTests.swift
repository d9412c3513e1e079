import Engine
import OptimizerCore
import Scenes
import Testing

@Suite("Breakpoints")
struct BreakpointTests {
  @Test("conditions read with their subject, comparison, number and run", arguments: [
    ("step == 12", Breakpoint.Subject.step, Breakpoint.Comparison.equal, 12.0, nil as Int?),
    ("best<1e-3", .best, .less, 1e-3, nil),
    ("run 2 best < 0.5", .best, .less, 0.5, 1),
    ("temperature <= 0.01", .readout("temperature"), .lessOrEqual, 0.01, nil),
    ("run 1 order >= 3", .readout("order"), .greaterOrEqual, 3, 0),
    ("event == order-change", .event(.orderChange), .equal, 0, nil),
  ])
  /// `run` is the id: runs are typed counting from 1, so `run 2` is id 1.
  func parses(text: String, subject: Breakpoint.Subject, comparison: Breakpoint.Comparison, value: Double, run: Int?)
    throws
  {
    let breakpoint = try Breakpoint.parse(text)
    #expect(breakpoint.subject == subject)
    #expect(breakpoint.comparison == comparison)
    #expect(breakpoint.value == value)
    #expect(breakpoint.run == run)
    #expect(breakpoint.description == text)
  }

  @Test("a bad condition says what is wrong at which column", arguments: [
    ("best < fast", "expected a number, got 'fast'", 8),
    ("event == rejected", "unknown event 'rejected'; did you mean 'reject'?", 10),
    ("step = 3", "expected one of == != < <= > >=", 6),
    ("run x best < 1", "expected a run number after 'run'", 5),
    ("best < 1 2", "unexpected '2'", 10),
    ("best << 3", "expected a number, got '<'", 7),
    ("event < reject", "an event can only be compared with ==", 7),
    ("", "expected step, best, event or a readout such as temperature", 1),
  ])
  func refuses(text: String, message: String, column: Int) {
    #expect(throws: BreakpointError.self) { try Breakpoint.parse(text) }
    do { _ = try Breakpoint.parse(text) } catch {
      #expect(error.message.hasPrefix(message))
      #expect(error.column == column)
    }
  }

  /// The first step after which the condition holds, stepping a session.
  func firstHit(_ condition: String, scene: Scene, limit: Int = 2000) throws -> Int? {
    let breakpoint = try Breakpoint.parse(condition)
    var player = try ScenePlayer(scene: scene)
    for _ in 0..<limit {
      try player.stepForward()
      if breakpoint.isHit(by: player.session) { return player.session.step }
    }
    return nil
  }

  static let annealing = Scene(
    title: "SA", landscape: .named("rastrigin"), seed: 11,
    runs: [RunSetup(OptimizerConfiguration("simulated-annealing"), start: [3, 3]), RunSetup(OptimizerConfiguration("pso"))],
    steps: 500)

  @Test("step == N stops at exactly N")
  func stepStops() throws {
    #expect(try firstHit("step == 37", scene: Self.annealing) == 37)
  }

  @Test("best < X stops at the first step whose best is below X, and run N watches one run only")
  func bestStops() throws {
    // The trace of best losses says independently where each run crossed.
    var player = try ScenePlayer(scene: Self.annealing)
    for _ in 0..<500 { try player.stepForward() }
    let traces = player.session.traces
    func crossing(_ run: Int, below x: Double) -> Int? {
      let trace = traces[run]!
      return trace.bestLosses.firstIndex { $0 < x }.map { trace.steps[$0] }
    }
    let x = 2.0
    let any = [crossing(0, below: x), crossing(1, below: x)].compactMap { $0 }.min()
    #expect(any != nil)
    #expect(try firstHit("best < 2", scene: Self.annealing) == any)
    #expect(try firstHit("run 1 best < 2", scene: Self.annealing) == crossing(0, below: x))
  }

  @Test("event == reject stops at the first step with a rejected move")
  func eventStops() throws {
    var player = try ScenePlayer(scene: Self.annealing)
    var expected: Int?
    while expected == nil, player.session.step < 500 {
      try player.stepForward()
      if player.session.runs.contains(where: { $0.lastEvents.contains { $0.kind == .reject } }) {
        expected = player.session.step
      }
    }
    #expect(expected != nil)
    #expect(try firstHit("event == reject", scene: Self.annealing) == expected)
  }

  @Test("a readout condition stops when the readout crosses, by name or by symbol")
  func readoutStops() throws {
    var player = try ScenePlayer(scene: Self.annealing)
    var expected: Int?
    while expected == nil, player.session.step < 2000 {
      try player.stepForward()
      let t = player.session.runs[0].optimizer.inspect().readout("temperature")!.value
      if t < 0.5 { expected = player.session.step }
    }
    #expect(expected != nil)
    #expect(try firstHit("temperature < 0.5", scene: Self.annealing) == expected)
    #expect(try firstHit("T < 0.5", scene: Self.annealing) == expected)
  }
}
