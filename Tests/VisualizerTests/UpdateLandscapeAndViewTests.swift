import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import ViewModel
import Visualizer

/// Landscape and view keys.
@Suite struct UpdateLandscapeAndViewTests {
  @Test func theLandscapePickerChangesTheLandscape() throws {
    var state = try testState()
    update(&state, .openLandscapePicker)
    type("himmel", on: &state)
    press(.enter, on: &state)
    #expect(state.session.landscape.name == "himmelblau")
    #expect(state.session.step == 0)
  }

  @Test func aBadExpressionShowsWhereAndAGoodOneApplies() throws {
    var state = try testState()
    update(&state, .editExpression)
    type("x + * y", on: &state)
    guard case .textEntry(let entry) = state.modal else { Issue.record("no text field"); return }
    #expect(entry.problem?.column == 5)
    press(.enter, on: &state)
    #expect(state.modal != nil, "a bad expression is not applied")
    press(.control("u"), on: &state)
    type("x^2 + (y - 1)^2", on: &state)
    press(.enter, on: &state)
    #expect(state.modal == nil)
    #expect(state.session.landscape.name == "x^2 + (y - 1)^2")
  }

  @Test func noiseIsSetThroughAField() throws {
    var state = try testState()
    update(&state, .editNoise)
    press(.control("u"), on: &state)
    type("0.25", on: &state)
    press(.enter, on: &state)
    #expect(state.session.noise == 0.25)
  }

  @Test func panZoomAndFitMoveTheViewport() throws {
    var state = try testState()
    update(&state, .pan(dx: 0.1, dy: 0))
    let panned = try #require(state.view.viewport)
    #expect(abs(panned.x.lowerBound - (-2 + 0.4)) < 1e-12)
    update(&state, .zoom(factor: 2, about: [0, 0]))
    #expect(abs(state.view.viewport!.width - panned.width / 2) < 1e-12)
    update(&state, .fitDomain)
    #expect(state.view.viewport == nil)
  }

  @Test func clicksMoveTheStartOrDropAParticle() throws {
    var state = try testState(["pso"])
    update(&state, .setStart([0.5, 0.5]))
    #expect(state.run?.start == [0.5, 0.5])
    update(&state, .dropParticle([-1, 2]))
    #expect(state.run?.optimizer.particles.contains { $0.position == [-1, 2] } == true)
  }

  @Test func viewTogglesFlipAndCycle() throws {
    var state = try testState()
    let map = state.view.colourMap
    update(&state, .cycleColourMap)
    #expect(state.view.colourMap != map)
    update(&state, .cycleScale)
    #expect(state.view.scale == .rank)
    update(&state, .toggleTrails)
    #expect(state.message?.text == "trails off")
    update(&state, .toggleProbes)
    #expect(state.message?.text == "probes off")
    update(&state, .cycleOverlays)
    #expect(state.message?.text == "vectors: off")
    #expect(!state.view.trails && !state.view.probes && !state.view.overlays)
    update(&state, .toggleTrails)
    #expect(state.message?.text == "trails on", "each toggle says which way it went")
  }

  @Test func hashRestoresTheScenesOwnContourCount() throws {
    var scene = Scene(
      title: "contours", landscape: .named("himmelblau"), seed: 1, runs: [RunSetup(OptimizerConfiguration("adam"))],
      steps: 0)
    scene.view.contours = 24
    var state = AppState(player: try ScenePlayer(scene: scene, recording: true, historyDepth: 10), isRunning: false)
    press(.character("#"), on: &state)
    #expect(state.view.contours == 0 && state.message?.text == "contour lines off")
    press(.character("#"), on: &state)
    #expect(state.view.contours == 24, "the scene's count comes back, not \(MapView.contoursWhenOn)")
    #expect(state.message?.text == "contour lines on (24)")
  }

  @Test func keysTurnOnContourLinesTheGradientFieldAndTheRaceChartsClock() throws {
    var state = try testState()
    press(.character("#"), on: &state)
    #expect(state.view.contours == MapView.contoursWhenOn)
    #expect(state.message?.text == "contour lines on (\(MapView.contoursWhenOn))")
    press(.character("#"), on: &state)
    #expect(state.view.contours == 0 && state.message?.text == "contour lines off")
    press(.character("f"), on: &state)
    #expect(state.view.gradientField && state.message?.text == "gradient field on")
    press(.character("f"), on: &state)
    #expect(!state.view.gradientField && state.message?.text == "gradient field off")
    #expect(state.raceAxis == .evaluations)
    press(.character("X"), on: &state)
    #expect(state.raceAxis == .steps && state.message?.text == "race chart against steps")
    press(.character("X"), on: &state)
    #expect(state.raceAxis == .evaluations && state.message?.text == "race chart against evaluations")
  }

  @Test func helpAndQuit() throws {
    var state = try testState()
    update(&state, .toggleHelp)
    #expect(state.showHelp)
    press(.character("x"), on: &state)
    #expect(!state.showHelp, "any key closes the help")
    #expect(state.session.runs.count == 2, "the closing key does nothing else")
    update(&state, .quit)
    #expect(state.wantsToQuit)
  }
}
