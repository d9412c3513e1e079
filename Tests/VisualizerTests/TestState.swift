import Foundation
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

/// Presses each key in turn; returns the effects they asked for.
@discardableResult
func press(_ keys: Key..., on state: inout AppState, in environment: AppEnvironment = noFiles) -> [Effect] {
  keys.flatMap { handle(&state, key: $0, in: environment) }
}

/// Types a string, one character key at a time.
func type(_ text: String, on state: inout AppState) {
  for character in text { handle(&state, key: .character(character), in: noFiles) }
}

/// A world of no files and a fixed date, for tests of `update` that do not
/// save: nothing they do can reach the file system or the clock.
let noFiles = AppEnvironment(date: { Date(timeIntervalSince1970: 1_764_500_000) }, entry: { _ in nil }, home: "/home/tester")

/// `update` in a world of no files; the effects are returned for the tests
/// that look at them.
@discardableResult
func update(_ state: inout AppState, _ action: Action) -> [Effect] {
  Visualizer.update(&state, action, in: noFiles)
}
