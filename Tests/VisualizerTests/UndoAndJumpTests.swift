import Engine
import OptimizerCore
import Scenes
import Testing
import Visualizer

/// Live changes are undone like steps, and the status line says when a
/// step back took one back; PgUp and PgDn jump ten steps.
@Suite struct UndoAndJumpTests {
  @Test func removingARunSaysHowToBringItBack() throws {
    var state = try testState()
    update(&state, .selectRun(number: 2))
    update(&state, .removeSelectedRun)
    #expect(state.message?.text.contains("removed run 2 (pso) · , brings it back") == true)
    press(.character(","), on: &state)
    #expect(state.session.runs.map(\.optimizer.kind.name) == ["adam", "pso"])
    #expect(state.message?.text == "undid the live change at step 0: remove run 2 · . applies it again")
  }

  @Test func steppingBackAcrossALiveChangeSaysWhichOne() throws {
    var state = try testState()
    for _ in 0..<3 { press(.character("."), on: &state) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    let lr = try #require(state.session.runs[0].optimizer.hyperparameters["lr"])
    press(.character("."), on: &state)
    press(.character(","), on: &state)
    #expect(state.message == nil, "a plain step back says nothing")
    press(.character(","), on: &state)
    let change = "lr = \(formatNumber(lr))"
    #expect(
      state.message?.text
        == "undid the live change at step 3: run 1: \(change) · . applies it again · what-if path of \(change) dropped: that change is undone")
    #expect(state.session.runs[0].optimizer.hyperparameters["lr"] != lr)
  }

  @Test func pageKeysJumpTenStepsAndSayWhatTheyUndid() throws {
    var state = try testState()
    press(.pageDown, on: &state)
    #expect(state.session.step == 10 && !state.isRunning)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    press(.pageDown, .pageDown, on: &state)
    #expect(state.session.step == 30)
    press(.pageUp, .pageUp, on: &state)
    #expect(state.session.step == 10)
    #expect(state.message?.text == "went to step 10")
    press(.pageUp, on: &state)
    #expect(state.session.step == 0)
    #expect(state.message?.text.hasPrefix("went to step 0 · undid 1 live change; going forward applies it again · what-if path of lr = ") == true)
  }
}
