import Testing
import Visualizer

/// `b` refuses, as `replay --break` does, a condition that cannot hold in
/// the scene: a run it does not have, a readout none of its runs shows.
@Suite struct BreakpointRefusalTests {
  /// The field stays open with the problem and its caret column: under
  /// the run's number, or under the readout.
  @Test(arguments: [
    ("run 9 best < 1", "no run 9", 5), ("temprature < 0.01", "shows a readout 'temprature'", 1),
  ])
  func aConditionThatCannotHoldIsNotSet(condition: String, problem: String, column: Int) throws {
    var state = try testState()
    DebuggingTests.breakWhen(condition, on: &state)
    #expect(state.breakpoints.isEmpty)
    #expect(state.message?.kind == .error)
    #expect(state.message?.text.contains(problem) == true, "\(state.message?.text ?? "no message")")
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("the field closed")
      return
    }
    #expect(entry.text == condition)
    #expect(entry.problem?.column == column)
  }
}
