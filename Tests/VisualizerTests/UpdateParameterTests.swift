import Testing
import Visualizer

/// Hyperparameter keys: select, nudge, type a value, reset.
@Suite struct UpdateParameterTests {
  @Test func arrowsSelectAndNudgeTheLearningRate() throws {
    var state = try testState(["adam"])
    let spec = try #require(state.parameter?.spec)
    #expect(spec.name == "lr")
    let before = try #require(state.parameter?.value)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    let after = try #require(state.parameter?.value)
    #expect(after > before)
    update(&state, .nudgeParameter(direction: -1, coarse: true))
    #expect(try #require(state.parameter?.value) < after / 5)
    update(&state, .selectNextParameter)
    #expect(state.parameter?.spec.name == "beta1")
    update(&state, .selectPreviousParameter)
    update(&state, .selectPreviousParameter)
    #expect(state.parameter?.spec.name == "lr", "selection stops at the first")
  }

  @Test func typingAValueChecksItsRange() throws {
    var state = try testState(["adam"])
    update(&state, .editParameter)
    press(.control("u"), on: &state)
    type("-3", on: &state)
    press(.enter, on: &state)
    #expect(state.message?.kind == .error && state.message!.text.contains("valid range"))
    #expect(state.modal != nil, "a refused value keeps the field open")
    press(.control("u"), on: &state)
    type("0.005", on: &state)
    press(.enter, on: &state)
    #expect(state.modal == nil)
    #expect(state.parameter?.value == 0.005)
  }

  /// A per-axis setting is one row per axis (`mean.1`, `mean.2`), edited
  /// like any other and checked against its own axis.
  @Test func aPerAxisSettingIsARowPerAxis() throws {
    var state = try testState(["pso"])
    while state.parameter?.spec.name != "mean.2" {
      let before = state.parameter?.spec.name
      update(&state, .selectNextParameter)
      try #require(state.parameter?.spec.name != before, "no mean.2 row")
    }
    update(&state, .editParameter)
    press(.control("u"), on: &state)
    type("0.5", on: &state)
    press(.enter, on: &state)
    #expect(state.modal == nil)
    #expect(state.parameter?.value == 0.5)
    update(&state, .selectPreviousParameter)
    #expect(state.parameter?.spec.name == "mean.1" && state.parameter?.value == 0, "rosenbrock's x axis is centred at 0")
  }

  @Test func dResetsToTheDefault() throws {
    var state = try testState(["adam"])
    let spec = try #require(state.parameter?.spec)
    update(&state, .nudgeParameter(direction: 1, coarse: true))
    update(&state, .resetParameter)
    #expect(state.parameter?.value == spec.defaultValue)
  }
}
