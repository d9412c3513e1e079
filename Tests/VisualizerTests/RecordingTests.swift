import Engine
import OptimizerCore
import Scenes
import Testing
import Visualizer

/// Every live change goes through the scene player: it becomes an event at
/// the step it was made at, stepping back undoes it, and a change after a
/// step back (or in a replay) forks.
@Suite struct RecordingTests {
  /// A command's kind and the facts a test checks.
  static func summary(_ command: Command) -> String {
    switch command {
    case .setHyperparameter(let run, let name, _): return "set \(run) \(name)"
    case .swapOptimizer(let run, let configuration): return "swap \(run) \(configuration.kind.name)"
    case .addRun(let setup): return "add \(setup.configuration.kind.name)"
    case .removeRun(let run): return "remove \(run)"
    case .moveStart(let run, let point): return "move \(run) \(point)"
    case .dropParticle(let run, let point): return "drop \(run) \(point)"
    case .setLandscape(let source): return "landscape \(source.function)"
    case .setNoise(let sigma): return "noise \(sigma)"
    case .reset(let seed): return seed == nil ? "reset" : "reset with a seed"
    }
  }

  @Test func eachLiveChangeBecomesAnEventAtTheStepItWasMadeAt() throws {
    var state = try testState(["adam", "pso"])
    update(&state, .stepForward)
    update(&state, .stepForward)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    update(&state, .stepForward)
    update(&state, .openSwapPicker)
    type("random-search", on: &state)
    press(.enter, on: &state)
    update(&state, .openAddRunPicker)
    type("smann", on: &state)
    press(.enter, on: &state)
    update(&state, .selectRun(number: 2))
    update(&state, .removeSelectedRun)
    update(&state, .setStart([0.5, 0.5]))
    update(&state, .dropParticle([-1, 2]))
    update(&state, .editNoise)
    press(.control("u"), on: &state)
    type("0.125", on: &state)
    press(.enter, on: &state)
    update(&state, .openLandscapePicker)
    type("himmel", on: &state)
    press(.enter, on: &state)
    update(&state, .stepForward)
    update(&state, .stepForward)
    update(&state, .reset)
    update(&state, .resetWithNewSeed)

    let events = state.player.scene.events.map { "\($0.step): \(Self.summary($0.command))" }
    #expect(
      events == [
        "2: set 0 lr", "3: swap 0 random-search", "3: add simulated-annealing", "3: remove 1",
        "3: move 2 (0.5, 0.5)", "3: drop 2 (-1, 2)", "3: noise 0.125", "3: landscape named(\"himmelblau\")",
        "2: reset", "0: reset with a seed",
      ])
    #expect(state.player.isRecording)
    #expect(state.sceneToSave.events == state.player.scene.events)
  }

  @Test func steppingBackOverAnEventAndForwardAgainAppliesItAgain() throws {
    var state = try testState(["adam"])
    update(&state, .stepForward)
    update(&state, .stepForward)
    let original = try #require(state.parameter?.value)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    let raised = try #require(state.parameter?.value)
    #expect(raised != original)
    update(&state, .stepForward)
    let best = state.session.runs[0].best
    update(&state, .stepBack)
    update(&state, .stepBack)
    #expect(state.session.step == 2)
    #expect(state.parameter?.value == original, "the step back undid the change")
    #expect(state.player.pendingEvents.count == 1, "the undone change waits")
    update(&state, .stepForward)
    #expect(state.session.step == 3)
    #expect(state.parameter?.value == raised, "stepping over it again applied it again")
    #expect(state.session.runs[0].best == best)
    #expect(state.player.scene.events.count == 1)
  }

  @Test func aLiveChangeAfterSteppingBackDropsTheUndoneEvents() throws {
    var state = try testState(["adam"])
    update(&state, .stepForward)
    update(&state, .stepForward)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    update(&state, .stepForward)
    update(&state, .stepForward)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    for _ in 0..<3 { update(&state, .stepBack) }
    #expect(state.session.step == 2 && state.player.pendingEvents.count == 1)
    update(&state, .nudgeParameter(direction: -1, coarse: false))
    let events = state.player.scene.events
    #expect(events.map(\.step) == [2, 2], "the change at step 4 is gone; the new one is at step 2")
    #expect(state.message?.text.hasPrefix("dropped 1 undone event") == true)
  }

  static let replayed = Scene(
    title: "replayed", landscape: .named("rosenbrock"), seed: 5,
    runs: [RunSetup(OptimizerConfiguration("adam"), start: [-1, 1])], steps: 8,
    events: [SceneEvent(step: 4, .setHyperparameter(run: 0, name: "lr", value: 0.05))])

  @Test func aReplayPlaysItsEventsAndPausesAtItsEnd() throws {
    var program = VisualizerProgram(state: try replayState(Self.replayed))
    let start = ContinuousClock.now
    program.handle(.key(.character(" ")), at: start)
    #expect(program.state.mode == "replaying")
    program.advance(to: start + .seconds(5), budget: .seconds(60))
    #expect(program.state.session.step == 8)
    #expect(!program.state.isRunning)
    #expect(program.state.message?.text == "end of scene at step 8")
    #expect(program.state.parameter?.value == 0.05, "the event at step 4 was applied")
    #expect(!program.state.hasUnsavedChanges, "an untouched replay has nothing to save")
    program.handle(.key(.character(" ")), at: start + .seconds(5))
    program.advance(to: start + .seconds(6), budget: .seconds(60))
    #expect(program.state.session.step > 8, "space plays on past the end")
  }

  @Test func aLiveChangeInAReplayForksIntoARecording() throws {
    var state = try replayState(Self.replayed)
    for _ in 0..<3 { update(&state, .stepForward) }
    #expect(!state.player.isRecording)
    update(&state, .nudgeParameter(direction: -1, coarse: false))
    #expect(state.player.isRecording)
    #expect(state.message?.text.hasPrefix("forked: recording a new scene from step 3") == true)
    #expect(state.player.scene.events.map(\.step) == [3], "the scene's own event at step 4 is dropped")
    #expect(state.hasUnsavedChanges)
    state.isRunning = true
    #expect(state.mode == "recording")
  }
}
