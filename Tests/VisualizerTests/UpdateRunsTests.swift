import Engine
import OptimizerCore
import Testing
import Visualizer

/// Run keys: select, add through the picker, remove, swap.
@Suite struct UpdateRunsTests {
  @Test func tabAndNumbersSelectRuns() throws {
    var state = try testState(["adam", "pso", "spsa"])
    update(&state, .selectNextRun)
    #expect(state.selectedRun == 1)
    update(&state, .selectRun(2))
    #expect(state.selectedRun == 2)
    update(&state, .selectNextRun)
    #expect(state.selectedRun == 0)
    update(&state, .selectRun(7))
    #expect(state.selectedRun == 0 && state.message?.kind == .error)
  }

  @Test func addingARunGoesThroughAFuzzyPicker() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    type("smann", on: &state)
    guard case .picker(let picker) = state.modal else { Issue.record("no picker"); return }
    #expect(picker.chosen?.name == "simulated-annealing")
    press(.enter, on: &state)
    #expect(state.modal == nil)
    #expect(state.session.runs.map(\.optimizer.kind.name) == ["adam", "pso", "simulated-annealing"])
    #expect(state.selectedRun == 2)
  }

  @Test func descentAsksForItsParts() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    type("descent", on: &state)
    press(.enter, on: &state)
    type("spsa", on: &state)
    press(.enter, on: &state)
    type("adam", on: &state)
    press(.enter, on: &state)
    type("undo", on: &state)
    press(.enter, on: &state)
    type("done", on: &state)
    press(.enter, on: &state)
    let added = try #require(state.session.runs.last?.optimizer.kind)
    #expect(added.parts == DescentParts(gradient: "spsa", update: "adam", guards: ["undo"]))
  }

  @Test func escapeClosesThePickerWithoutChange() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    press(.down, .escape, on: &state)
    #expect(state.modal == nil && state.session.runs.count == 2)
  }

  @Test func removingTheSelectedRunKeepsTheLastOne() throws {
    var state = try testState()
    update(&state, .selectRun(1))
    update(&state, .removeSelectedRun)
    #expect(state.session.runs.map(\.optimizer.kind.name) == ["adam"])
    #expect(state.selectedRun == 0)
    update(&state, .removeSelectedRun)
    #expect(state.session.runs.count == 1 && state.message?.kind == .error)
  }

  @Test func swappingChangesTheNameAndKeepsThePosition() throws {
    var state = try testState(["adam"])
    for _ in 0..<3 { update(&state, .stepForward) }
    let position = try #require(state.run?.optimizer.particles.first?.position)
    update(&state, .openSwapPicker)
    type("random-search", on: &state)
    press(.enter, on: &state)
    #expect(state.run?.optimizer.kind.name == "random-search")
    #expect(state.run?.optimizer.particles.first?.position == position)
  }
}
