import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import Visualizer

/// The sub-step mode (`u`) walks the selected run's next iteration stage by
/// stage without moving the session; `v` cycles whose vectors are drawn.
@Suite struct SubstepModeTests {
  @Test func uTakesTheNextAdamStepApartAndTheKeysWalkIt() throws {
    var state = try testState()
    press(.character("."), .character("."), on: &state)
    press(.character("u"), on: &state)
    let mode = try #require(state.substeps)
    #expect(mode.stages.map(\.name) == ["estimate", "momentum blend", "Adam scaling", "guard", "move"])
    #expect(mode.index == 0 && state.mode == "taking a step apart")
    press(.right, .character("."), on: &state)
    #expect(state.substeps?.index == 2)
    press(.left, on: &state)
    #expect(state.substeps?.index == 1)
    #expect(state.session.step == 2, "walking the stages does not step the session")

    // The panel names the stage and its place; the map keeps its runs.
    var screen = Screen()
    let text = screen.render(state, width: 120, height: 40, profile: .standard).plainText
    #expect(text.contains("stage 2 of 5 · momentum blend"))
    #expect(text.contains("run 1 adam · step 2 → 3"))

    press(.escape, on: &state)
    #expect(state.substeps == nil && state.session.step == 2)
  }

  @Test func pastTheLastStageTheStepIsTakenWhereTheMoveStageSaid() throws {
    var state = try testState()
    press(.character("u"), on: &state)
    let stages = try #require(state.substeps?.stages)
    var landing: Vector?
    for case .vector("x′", let x) in stages.last?.values ?? [] { landing = x }
    for _ in 0..<stages.count { press(.right, on: &state) }
    #expect(state.session.step == 1)
    #expect(state.session.runs[0].optimizer.particles[0].position == landing)
    #expect(state.substeps?.index == 0, "the next step is taken apart in turn")
  }

  @Test func aSwarmIsTakenApartOneParticleAtATime() throws {
    var state = try testState(["pso"])
    press(.character("."), .character("u"), on: &state)
    #expect(state.substeps?.particle == 0)
    press(.character("]"), .character("]"), on: &state)
    #expect(state.substeps?.particle == 2)
    #expect(state.substeps?.stages.first?.name == "inertia")
  }

  @Test func theLegendNamesWhatTheStageDraws() throws {
    var state = try testState(["simulated-annealing"])
    press(.character("."), .character("u"), on: &state)
    #expect(state.substeps?.stage.name == "proposal")
    var screen = Screen()
    let text = screen.render(state, width: 120, height: 40, profile: .standard).plainText
    #expect(text.contains("∘ candidate"), "the proposal's candidate is named under the map")
    #expect(text.contains("→ next stage"), "the status line gives the mode's keys")
  }

  @Test func anOptimizerWithoutStagesFallsBackToEvaluationSteps() throws {
    var state = try testState(["nelder-mead"])
    press(.character("u"), on: &state)
    #expect(state.substeps == nil)
    #expect(state.stepping.isOn)
    #expect(state.message?.text.contains("stepping by evaluation") == true)
  }

  @Test func anyOtherKeyLeavesTheModeAndActs() throws {
    var state = try testState()
    press(.character("u"), .character(" "), on: &state)
    #expect(state.substeps == nil && state.isRunning)
  }

  @Test func aBreakpointCanOpenTheMode() throws {
    var state = try testState()
    state.breakpoints.add(try Breakpoint.parse("step == 3 then substeps"), session: state.session)
    for _ in 0..<3 { press(.character("."), on: &state) }
    #expect(state.session.step == 3)
    #expect(state.substeps?.stages.first?.name == "estimate")
  }

  @Test func vCyclesAllRunsNoneAndTheSelectedRun() throws {
    var state = try testState()
    press(.tab, on: &state)
    press(.character("v"), on: &state)
    #expect(state.message?.text == "vectors: off" && !state.view.overlays)
    press(.character("v"), on: &state)
    #expect(state.message?.text == "vectors: selected run (2 pso)")
    #expect(state.overlayRun == state.session.runs[1].id)
    press(.character("v"), on: &state)
    #expect(state.message?.text == "vectors: all runs" && state.overlayRun == nil && state.view.overlays)
  }
}
