import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import ViewModel
import Visualizer

/// On a landscape of more than two dimensions the keys `< > { }` choose the
/// plane's axes, `P` its basis and `O` the point it passes through, each
/// saying on the status line the plane it leaves; on two they say there is
/// no plane to choose.
@Suite struct PlaneKeyTests {
  func rastrigin() throws -> AppState {
    let scene = Scene(
      title: "ten", landscape: .named("rastrigin", dimension: 10), seed: 5, runs: [RunSetup(OptimizerConfiguration("cma-es"))],
      steps: 0)
    var state = AppState(player: try ScenePlayer(scene: scene, recording: true, historyDepth: 50), isRunning: false)
    for _ in 0..<5 { update(&state, .stepForward) }
    return state
  }

  @Test func theAxisKeysMoveOneAxisNeverOntoTheOtherAndRefitTheMap() throws {
    var state = try rastrigin()
    update(&state, .zoom(factor: 2, about: nil))
    press(.character(">"), on: &state)
    #expect(state.view.plane.axes == MapPlane.Axes(2, 1), "x1 moves past x2, where the second axis is")
    #expect(state.message?.text == "plane x3,x2 through run 1's best")
    #expect(state.view.viewport == nil, "the map fits the new axes' box")
    press(.character("}"), on: &state)
    #expect(state.view.plane.axes == MapPlane.Axes(2, 3))
    press(.character("<"), .character("<"), .character("<"), on: &state)
    #expect(state.view.plane.axes == MapPlane.Axes(9, 3), "x3 → x2 → x1 → round to x10")
    press(.character("{"), on: &state)
    #expect(state.view.plane.axes == MapPlane.Axes(9, 2))
    #expect(state.message?.text == "plane x10,x3 through run 1's best")
  }

  @Test func pCyclesTheBasisAndKeepsTheBestInItsCell() throws {
    var state = try rastrigin()
    var screen = Screen()
    _ = screen.render(state, width: 120, height: 40, profile: .standard)
    let best = try #require(state.run?.best).position
    let cell = try #require(screen.projection?.cell(best))
    press(.character("P"), on: &state)
    #expect(state.view.plane.basis == .principal)
    let principal = try #require(state.message?.text)
    #expect(principal.hasPrefix("principal plane of run 1's last 6 steps through run 1's best, "), "\(principal)")
    let grid = screen.render(state, width: 120, height: 40, profile: .standard)
    #expect(try #require(screen.projection?.cell(best)) == cell)
    #expect(grid.lines()[0].contains("principal plane of run 1's"), "the header names the plane")
    press(.character("P"), on: &state)
    #expect(state.message?.text == "random plane (seed 1) through run 1's best")
    press(.character("P"), on: &state)
    #expect(state.view.plane.basis == .axes)
  }

  @Test func oCyclesThroughTheLeaderAndAFixedPointThatStaysWhileTheRunMoves() throws {
    var state = try rastrigin()
    press(.character("O"), on: &state)
    #expect(state.view.plane.through == .leader)
    #expect(state.message?.text == "plane x1,x2 through the leader, run 1's best")
    let best = try #require(state.run?.best).position
    press(.character("O"), on: &state)
    #expect(state.view.plane.through == .point(best))
    #expect(state.message?.text.hasPrefix("plane x1,x2 through the fixed point (") == true)
    for _ in 0..<10 { update(&state, .stepForward) }
    #expect(state.view.plane.through == .point(best), "a fixed point stays")
    #expect(state.sceneToSave.view.plane.through == .point(best), "a save keeps the plane")
    press(.character("O"), on: &state)
    #expect(state.view.plane.through == .best)
  }

  @Test func theInspectorSaysHowFarTheParticleIsFromThePlaneAndAClickLandsInTheBox() throws {
    var state = try rastrigin()
    press(.character("i"), on: &state)
    var screen = Screen()
    let text = screen.render(state, width: 120, height: 40, profile: .standard).plainText
    #expect(text.contains("off plane"), "\(text)")
    let projection = try #require(screen.projection)
    let point = try #require(screen.landscapePoint(atColumn: projection.rect.x + 3, row: projection.rect.y + 2))
    #expect(point.dimension == 10)
    #expect(state.session.landscape.domain.contains(point))
    #expect(projection.plane?.distance(of: point) ?? 1 <= 1e-9, "the point clicked is the plane's there")
  }

  @Test func onTwoDimensionsThePlaneKeysSayThereIsNoPlane() throws {
    var state = try testState()
    for key in ["<", ">", "{", "}", "P", "O"] {
      press(.character(Character(key)), on: &state)
      #expect(state.message?.kind == .error)
      #expect(state.message?.text.hasPrefix("a 2-D landscape is its own plane") == true)
    }
    #expect(state.view.plane == MapPlane())
  }
}
