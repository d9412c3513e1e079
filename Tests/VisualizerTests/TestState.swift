import Engine
import OptimizerCore
import Scenes
import Visualizer

/// A small paused session for update tests: Rosenbrock with Adam and a
/// particle swarm, recorded from step 0 as `optiscope play` records.
func testState(_ optimizers: [String] = ["adam", "pso"], landscape: String = "rosenbrock") throws -> AppState {
  let scene = Scene(
    title: "test", landscape: .named(landscape), seed: 3,
    runs: optimizers.map { RunSetup(OptimizerConfiguration($0)) }, steps: 0)
  return AppState(player: try ScenePlayer(scene: scene, recording: true, historyDepth: AppState.historyDepth), isRunning: false)
}

/// A paused replay of `scene`, as `optiscope replay` opens it.
func replayState(_ scene: Scene, path: String? = nil) throws -> AppState {
  AppState(player: try ScenePlayer(scene: scene, historyDepth: AppState.historyDepth), isRunning: false, scenePath: path)
}

/// Presses each key in turn.
func press(_ keys: Key..., on state: inout AppState) {
  for key in keys { handle(&state, key: key) }
}

/// Types a string, one character key at a time.
func type(_ text: String, on state: inout AppState) {
  for character in text { handle(&state, key: .character(character)) }
}
