import Testing
import Visualizer

/// `b` refuses, as `replay --break` does, a condition that cannot hold in
/// the scene: a run it does not have, a readout none of its runs shows.
@Suite struct BreakpointRefusalTests {
  @Test(arguments: [("run 9 best < 1", "no run 9"), ("temprature < 0.01", "shows a readout 'temprature'")])
  func aConditionThatCannotHoldIsNotSet(condition: String, problem: String) throws {
    var state = try testState()
    DebuggingTests.breakWhen(condition, on: &state)
    #expect(state.breakpoints.isEmpty)
    #expect(state.message?.kind == .error)
    #expect(state.message?.text.contains(problem) == true, "\(state.message?.text ?? "no message")")
  }
}
