import Engine
import OptimizerCore
import Scenes
import Testing
import Visualizer

/// `A` selects an axis and `K` cycles its kind, continuous → integer →
/// boolean → continuous: a landscape change, recorded as an event that a
/// saved scene replays and `,` undoes.
@Suite struct AxisKindKeyTests {
  @Test func kCyclesTheSelectedAxisAndSaysWhatChanged() throws {
    var state = try testState()
    press(.character("K"), on: &state)
    #expect(state.session.landscape.domain.axes.map(\.kind) == [.integer, .continuous])
    #expect(state.message?.text == "axis x: integer")
    press(.character("K"), on: &state)
    #expect(state.session.landscape.domain.axes[0] == Axis(0, 1, kind: .boolean))
    #expect(state.message?.text == "axis x: boolean")
    press(.character("K"), on: &state)
    #expect(state.message?.text == "axis x: continuous")
    #expect(state.session.landscape.domain.axes[0] == Axis(-2, 2), "leaving boolean, x takes back Rosenbrock's range")
    #expect(state.player.scene.events.count == 3)
  }

  @Test func aSelectsTheNextAxisAndSaysItsKind() throws {
    var state = try testState()
    press(.character("A"), on: &state)
    #expect(state.selectedAxis == 1)
    #expect(state.message?.text == "axis y selected: continuous (K cycles its kind)")
    press(.character("K"), on: &state)
    #expect(state.session.landscape.domain.axes.map(\.kind) == [.continuous, .integer])
    #expect(state.message?.text == "axis y: integer")
    press(.character("A"), on: &state)
    #expect(state.selectedAxis == 0, "A wraps around")
  }

  /// A kind change is a landscape event: every run restarts on the new
  /// domain at step 0, its points on the lattice.
  @Test func theChangeIsALandscapeEventAndRunsRestartOnIt() throws {
    var state = try testState()
    for _ in 0..<5 { update(&state, .stepForward) }
    press(.character("K"), .character("K"), on: &state)
    #expect(state.session.step == 0)
    guard case .setLandscape(let source) = state.player.scene.events.last?.command else {
      Issue.record("no landscape event: \(state.player.scene.events)")
      return
    }
    #expect(source.domain?.axes.map(\.kind) == [.boolean, .continuous])
    for _ in 0..<20 { update(&state, .stepForward) }
    for run in state.session.runs {
      for particle in run.optimizer.particles { #expect(particle.position[0] == 0 || particle.position[0] == 1) }
    }
  }

  @Test func stepBackUndoesIt() throws {
    var state = try testState()
    press(.character("K"), on: &state)
    #expect(state.session.landscape.domain.axes[0].kind == .integer)
    update(&state, .stepBack)
    #expect(state.session.landscape.domain.axes[0].kind == .continuous)
  }

  /// Saved and read back, the scene replays to the same domain and the same
  /// runs, bit for bit.
  @Test func theEventRoundTripsThroughASavedScene() throws {
    var state = try testState()
    for _ in 0..<3 { update(&state, .stepForward) }
    press(.character("A"), .character("K"), .character("K"), on: &state)
    for _ in 0..<30 { update(&state, .stepForward) }
    let text = SceneWriter.write(state.sceneToSave)
    #expect(text.contains("kind: boolean"), "\(text)")
    let read = try SceneReader.read(text)
    var replay = try ScenePlayer(scene: read, historyDepth: 10)
    try replay.playToEnd()
    #expect(replay.session.landscape.domain == state.session.landscape.domain)
    #expect(replay.session.step == state.session.step)
    #expect(replay.session.runs.map(\.best) == state.session.runs.map(\.best))
  }

  @Test func theKeysAreInTheHelp() {
    #expect(KeyMap.help.contains { $0.keys == "A K" && $0.description == "next axis, cycle kind" })
    #expect(KeyMap.action(for: .character("K")) == .cycleAxisKind)
    #expect(KeyMap.action(for: .character("A")) == .selectNextAxis)
  }
}
