import ArgumentParser
import Engine
import Scenes
import Terminal
import Visualizer

/// Runs the visualizer in the terminal until the user quits, with a clear
/// error when there is no terminal.
func openVisualizer(_ state: AppState) throws {
  guard TerminalSession.isAvailable else {
    throw CommandLineError(
      "the visualizer needs a terminal on stdin and stdout; for scripts use 'optiscope run' (numbers), 'optiscope render' (pictures) or 'optiscope replay --headless'")
  }
  var program = VisualizerProgram(state: state)
  let ending: SessionEnding
  do { ending = try TerminalSession.run(&program) } catch {
    throw CommandLineError("\(error)")
  }
  if ending.exitStatus != 0 { throw ExitCode(ending.exitStatus) }
}

/// Opens the visualizer on a scene read from `path`, playing it from step 0.
func openVisualizer(replaying scene: Scene, from path: String, breakpoints: [Breakpoint], paused: Bool) throws {
  let session: Session
  do { session = try scene.makeSession(historyDepth: 1000) } catch { throw CommandLineError("\(path): \(error)") }
  try openVisualizer(AppState(session: session, isRunning: !paused))
}
