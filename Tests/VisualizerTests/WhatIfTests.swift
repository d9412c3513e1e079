import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import Visualizer

/// A live change of a hyperparameter shows where the run would have gone
/// with the new value from its start.
@Suite struct WhatIfTests {
  /// The path of run `index` of a fresh session with these setups: where
  /// it is at step 0 and after each of `steps` steps.
  func freshPath(_ setups: [RunSetup], run index: Int, steps: Int) throws -> [Vector] {
    var session = try Session(landscape: .named("rosenbrock"), runs: setups, seed: 3)
    var path = [SessionRecorder.position(of: session.runs[index])!]
    for _ in 0..<steps {
      session.stepForward()
      path.append(SessionRecorder.position(of: session.runs[index])!)
    }
    return path
  }

  @Test func theWhatIfPathIsAFreshRunWithTheNewValueFromTheStart() throws {
    var state = try testState(["adam", "pso"])
    for _ in 0..<30 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: true))
    let lr = try #require(state.parameter?.value)
    let whatIf = try #require(state.whatIf)
    #expect(whatIf.run == state.session.runs[0].id)
    #expect(whatIf.path.change == "lr = \(formatNumber(lr))")
    let fresh = try freshPath(
      [RunSetup(OptimizerConfiguration("adam", settings: [("lr", lr)])), RunSetup(OptimizerConfiguration("pso"))],
      run: 0, steps: 30)
    #expect(whatIf.path.points == fresh)
    #expect(whatIf.path.points != state.recorder.trajectory(of: whatIf.run), "the real run changed lr at step 30")
    #expect(state.message?.text.contains("from the start") == true)
  }

  @Test func aSwarmsWhatIfPathFollowsItsBestPointWithItsOwnRandomStreams() throws {
    var state = try testState(["adam", "pso"])
    for _ in 0..<12 { update(&state, .stepForward) }
    update(&state, .selectRun(number: 2))
    let spec = try #require(state.parameter?.spec)
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    let value = try #require(state.parameter?.value)
    let whatIf = try #require(state.whatIf)
    let fresh = try freshPath(
      [RunSetup(OptimizerConfiguration("adam")), RunSetup(OptimizerConfiguration("pso", settings: [(spec.name, value)]))],
      run: 1, steps: 12)
    #expect(whatIf.path.points == fresh)
  }

  @Test func wHidesAndShowsThePathAndTheLegendNamesIt() throws {
    var state = try testState(["adam"])
    update(&state, .toggleWhatIf)
    #expect(state.message?.text.contains("no what-if path") == true)
    for _ in 0..<5 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    #expect(Screen.content(state).runs[0].layer.whatIf != nil)
    let legend = MapLegend.runEntries(Screen.content(state).runs.map(\.layer)).map(\.label)
    #expect(legend.contains { $0.hasPrefix("1 adam if lr = ") })
    update(&state, .toggleWhatIf)
    #expect(state.message?.text == "what-if path off")
    #expect(Screen.content(state).runs[0].layer.whatIf == nil)
    update(&state, .toggleWhatIf)
    #expect(state.message?.text == "what-if path on")
    #expect(Screen.content(state).runs[0].layer.whatIf != nil)
  }

  @Test func aResetOrASwapMakesThePathStale() throws {
    var state = try testState(["adam", "pso"])
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    #expect(state.whatIf != nil)
    update(&state, .reset)
    #expect(state.whatIf == nil)
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    #expect(state.whatIf != nil)
    update(&state, .removeSelectedRun)
    #expect(state.whatIf == nil)
  }

  @Test func steppingBackAcrossTheChangeDropsThePathAndSaysSo() throws {
    var state = try testState(["adam", "pso"])
    for _ in 0..<10 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: true))
    let change = try #require(state.whatIf?.path.change)
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .stepBack)
    #expect(state.whatIf != nil, "a step back that leaves the change in effect keeps the path")
    update(&state, .stepBack)
    update(&state, .stepBack)
    #expect(state.whatIf != nil)
    update(&state, .stepBack)
    #expect(state.whatIf == nil)
    #expect(Screen.content(state).runs[0].layer.whatIf == nil)
    #expect(state.message?.text.contains("undid the live change") == true)
    #expect(state.message?.text.contains("what-if path of \(change) dropped") == true)
  }

  @Test func aJumpBackPastTheChangeDropsThePath() throws {
    var state = try testState(["adam"])
    for _ in 0..<20 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    for _ in 0..<5 { update(&state, .stepForward) }
    update(&state, .jumpSteps(-3))
    #expect(state.whatIf != nil, "step 22 still has the change of step 20")
    update(&state, .jumpSteps(-10))
    #expect(state.whatIf == nil)
    #expect(state.message?.text.hasPrefix("went to step 12 · undid 1 live change") == true)
    #expect(state.message?.text.contains("dropped: that change is undone") == true)
  }

  @Test func aReRunOverTheCostLimitIsRefusedOnTheStatusLine() throws {
    let particles = 4000
    let scene = Scene(
      title: "big swarm", landscape: .named("sphere"), seed: 3,
      runs: [RunSetup(OptimizerConfiguration("pso", settings: [("particles", Double(particles))]))], steps: 0)
    var state = AppState(player: try ScenePlayer(scene: scene, recording: true, historyDepth: 2), isRunning: false)
    #expect(state.run?.optimizer.particles.count == particles)
    for _ in 0..<(WhatIf.particleStepLimit / particles + 1) { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    #expect(state.whatIf == nil)
    #expect(state.message?.text.contains("over \(WhatIf.particleStepLimit)") == true)
  }
}
