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

  @Test func dResetsToTheDefault() throws {
    var state = try testState(["adam"])
    let spec = try #require(state.parameter?.spec)
    update(&state, .nudgeParameter(direction: 1, coarse: true))
    update(&state, .resetParameter)
    #expect(state.parameter?.value == spec.defaultValue)
  }
}
