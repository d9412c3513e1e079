import Engine
import OptimizerCore
import Visualizer

/// A small paused session for update tests: Rosenbrock with Adam and a
/// particle swarm.
func testState(_ optimizers: [String] = ["adam", "pso"], landscape: String = "rosenbrock") throws -> AppState {
  let session = try Session(
    landscape: .named(landscape), runs: optimizers.map { RunSetup(OptimizerConfiguration($0)) }, seed: 3)
  return AppState(session: session, isRunning: false)
}

/// Presses each key in turn.
func press(_ keys: Key..., on state: inout AppState) {
  for key in keys { handle(&state, key: key) }
}

/// Types a string, one character key at a time.
func type(_ text: String, on state: inout AppState) {
  for character in text { handle(&state, key: .character(character)) }
}
