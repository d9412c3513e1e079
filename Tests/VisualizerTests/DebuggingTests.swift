import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import Visualizer

/// Breakpoints, going to a step, stepping one evaluation at a time and the
/// inspector.
@Suite struct DebuggingTests {
  /// Adds a breakpoint through `b`.
  static func breakWhen(_ condition: String, on state: inout AppState) {
    press(.character("b"), on: &state)
    type(condition, on: &state)
    press(.enter, on: &state)
  }

  @Test func aBreakpointStopsARunningSessionAtExactlyTheStepItHolds() throws {
    // Where run 2 (the swarm) first gets below a threshold, stepping alone.
    var reference = try testState()
    var bests: [Double] = []
    for _ in 0..<80 {
      update(&reference, .stepForward)
      bests.append(reference.session.runs[1].best!.loss)
    }
    let threshold = bests[59]
    let expected = try #require(bests.firstIndex { $0 <= threshold }) + 1
    let condition = "run 2 best <= \(threshold)"

    var state = try testState()
    Self.breakWhen(condition, on: &state)
    #expect(state.breakpoints.conditions.map(\.description) == [condition])
    var program = VisualizerProgram(state: state)
    let start = ContinuousClock.now
    program.handle(.key(.character(" ")), at: start)
    program.advance(to: start + .seconds(30), budget: .seconds(600))
    #expect(program.state.session.step == expected)
    #expect(!program.state.isRunning)
    #expect(program.state.message?.text == "breakpoint: \(condition) (step \(expected))")
    let screen = program.render(width: 80, height: 24, profile: .standard).plainText
    #expect(screen.contains("breakpoint: \(condition) (step \(expected))"), "\(screen)")

    // Resumed, it runs on: the condition stays true and does not stop it again.
    program.handle(.key(.character(" ")), at: start + .seconds(30))
    program.advance(to: start + .seconds(31), budget: .seconds(600))
    #expect(program.state.session.step == expected + 10)
  }

  @Test func anEventBreakpointStopsAtEveryIterationWithTheEvent() throws {
    var state = try testState(["simulated-annealing"])
    Self.breakWhen("event == reject", on: &state)
    var program = VisualizerProgram(state: state)
    let start = ContinuousClock.now
    program.handle(.key(.character(" ")), at: start)
    program.advance(to: start + .seconds(60), budget: .seconds(600))
    let first = program.state.session.step
    #expect(program.state.session.runs[0].lastEvents.contains { $0.kind == .reject })
    program.handle(.key(.character(" ")), at: start + .seconds(60))
    program.advance(to: start + .seconds(120), budget: .seconds(600))
    #expect(program.state.session.step > first)
    #expect(program.state.session.runs[0].lastEvents.contains { $0.kind == .reject })
    #expect(program.state.message?.text.hasPrefix("breakpoint: event == reject") == true)
  }

  @Test func aBadConditionShowsItsColumnAndBClearsThemAll() throws {
    var state = try testState()
    press(.character("b"), on: &state)
    type("best < fast", on: &state)
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("b opens no field")
      return
    }
    #expect(entry.problem?.column == 8)
    press(.enter, on: &state)
    #expect(state.modal != nil, "a bad condition is not set")
    press(.escape, on: &state)
    Self.breakWhen("step == 5", on: &state)
    Self.breakWhen("best < 1e-3", on: &state)
    press(.character("b"), on: &state)
    guard case .textEntry(let listing) = state.modal else { return }
    #expect(listing.notes.joined().contains("step == 5 · best < 1e-3"))
    press(.escape, .character("B"), on: &state)
    #expect(state.breakpoints.isEmpty)
    #expect(state.message?.text == "cleared 2 breakpoints")
  }

  @Test func goToJumpsForwardAndBack() throws {
    var state = try testState()
    for (target, expected) in [("25", 25), ("10", 10), ("0", 0)] {
      press(.character("g"), on: &state)
      type(target, on: &state)
      press(.enter, on: &state)
      #expect(state.session.step == expected)
      #expect(state.modal == nil)
    }
    press(.character("g"), on: &state)
    type("ten", on: &state)
    guard case .textEntry(let entry) = state.modal else { return }
    #expect(entry.problem != nil)
  }

  @Test func oneEvaluationAtATimeRevealsAnIterationsProbesInOrder() throws {
    var state = try testState(["pso"])
    update(&state, .stepForward)
    let before = state.session.runs[0].optimizer.particles.map(\.position)
    press(.character("E"), on: &state)
    #expect(state.stepping.isOn)
    press(.character("."), on: &state)
    #expect(state.session.step == 2)
    let probes = state.session.runs[0].probes.points
    #expect(probes.count > 2)
    var content = Screen.content(state)
    #expect(content.runs[0].layer.probes == [probes[0]])
    #expect(content.runs[0].layer.particles.map(\.position) == before, "the particles wait for the last probe")
    var program = VisualizerProgram(state: state)
    let screen = program.render(width: 120, height: 40, profile: .standard).plainText
    #expect(screen.contains("evaluation 1/\(probes.count) of step 2"))

    let spentBefore = state.stepping.before!.runs[0].evaluations
    #expect(content.runs[0].evaluations == spentBefore + 1, "the panel counts the evaluations shown")
    #expect(content.runs[0].steps == 1)
    for shown in 2..<probes.count {
      press(.character("."), on: &state)
      content = Screen.content(state)
      #expect(content.runs[0].layer.probes == Array(probes.prefix(shown)))
      #expect(content.runs[0].evaluations == spentBefore + shown)
      let bestShown = ([state.stepping.before!.runs[0].best!.loss] + probes.prefix(shown).map(\.loss)).min()
      #expect(content.runs[0].bestLoss == bestShown)
      #expect(state.session.step == 2)
    }
    press(.character("."), on: &state)
    #expect(state.stepping.revealed == nil, "the last probe shows the iteration whole")
    #expect(Screen.content(state).runs[0].layer.particles.map(\.position) != before)
    press(.character("."), on: &state)
    #expect(state.session.step == 3 && state.stepping.revealed == 1)
    press(.character(","), on: &state)
    #expect(state.session.step == 2 && state.stepping.revealed == nil, "back from the first probe undoes the iteration")
    press(.character("E"), .character("."), on: &state)
    #expect(state.session.step == 3 && state.stepping.revealed == nil, "one iteration per step again")
  }

  @Test func theInspectorFollowsTheSelectedParticle() throws {
    var state = try testState(["pso"])
    update(&state, .stepForward)
    let count = state.session.runs[0].optimizer.particles.count
    var program = VisualizerProgram(state: state)
    #expect(!program.render(width: 120, height: 40, profile: .standard).plainText.contains("inspect"))
    press(.character("i"), .character("]"), on: &state)
    program = VisualizerProgram(state: state)
    var screen = program.render(width: 120, height: 40, profile: .standard).plainText
    #expect(screen.contains("inspect 1 pso · particle 2/\(count)"))
    #expect(screen.contains("position"))
    press(.character("["), .character("["), on: &state)
    program = VisualizerProgram(state: state)
    screen = program.render(width: 120, height: 40, profile: .standard).plainText
    #expect(screen.contains("inspect 1 pso · particle \(count)/\(count)"))
  }
}
