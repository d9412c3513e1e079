import Engine
import Testing
import Visualizer

/// Running keys: pause, step forward and back, speed, reset.
@Suite struct UpdateRunningTests {
  @Test func spaceTogglesPause() throws {
    var state = try testState()
    update(&state, .togglePause)
    #expect(state.isRunning)
    update(&state, .togglePause)
    #expect(!state.isRunning)
  }

  @Test func stepForwardAndBackMoveTheCounterByOne() throws {
    var state = try testState()
    state.isRunning = true
    for expected in 1...3 {
      update(&state, .stepForward)
      #expect(state.session.step == expected)
      #expect(!state.isRunning, "stepping pauses")
    }
    update(&state, .stepBack)
    #expect(state.session.step == 2)
  }

  @Test func stepBackAtTheStartSaysSo() throws {
    var state = try testState()
    update(&state, .stepBack)
    #expect(state.session.step == 0)
    #expect(state.message?.kind == .error)
  }

  @Test func speedClimbsAndFallsWithinItsLadder() throws {
    var state = try testState()
    let start = state.speed.stepsPerSecond
    update(&state, .faster)
    #expect(state.speed.stepsPerSecond! > start!)
    for _ in 0..<30 { update(&state, .faster) }
    #expect(state.speed.stepsPerSecond == nil, "the top rung is as fast as possible")
    for _ in 0..<30 { update(&state, .slower) }
    #expect(state.speed.stepsPerSecond == 1)
  }

  @Test func resetReturnsToStepZeroAndANewSeedChangesTheRun() throws {
    var state = try testState(["pso"])
    for _ in 0..<5 { update(&state, .stepForward) }
    let seed = state.session.seed
    update(&state, .reset)
    #expect(state.session.step == 0 && state.session.seed == seed)
    update(&state, .resetWithNewSeed)
    #expect(state.session.step == 0 && state.session.seed != seed)
  }
}
