import ArgumentParser
import Engine
import External
import Foundation
import Scenes
import Terminal
import Visualizer

/// Runs the visualizer in the terminal until the user quits, with a clear
/// error when there is no terminal. While a recording is not saved, its
/// recovery copy is kept (see `RecoveryFile`); a copy left by an earlier
/// session is moved aside and named on the status line. A signal that
/// ends a recording with no copy of it says so, and exits non-zero.
func openVisualizer(_ state: AppState) throws {
  guard TerminalSession.isAvailable else {
    throw CommandLineError.failure(
      "the visualizer needs a terminal on stdin and stdout; for scripts use 'optiscope run' (numbers), 'optiscope render' (pictures) or 'optiscope replay --headless'")
  }
  var state = state
  // What the scene is about, until the first key.
  state.showCaption = true
  let recovery = RecoveryFile.configured()
  if let recovery, let earlier = recovery.setAsideEarlier() {
    let shown = RecoveryFile.abbreviated(earlier)
    if let path = state.scenePath, samePath(path, recovery.path) {
      state.scenePath = earlier
      state.message = StatusMessage("the recovery file you opened is now kept as \(shown)")
    } else {
      state.message = StatusMessage(
        "a recovery file from an earlier session is at \(shown); optiscope replay \(shown) opens it")
    }
  }
  var program = VisualizerProgram(state: state, recovery: recovery)
  let ending: SessionEnding
  do { ending = try TerminalSession.run(&program) } catch {
    throw CommandLineError.failure("\(error)")
  }
  var status = ending.exitStatus
  if let kept = program.close(quitting: ending == .quit) {
    let shown = RecoveryFile.abbreviated(kept)
    printNote("optiscope: the unsaved recording is kept in \(shown); 'optiscope replay \(shown)' opens it")
  } else if ending != .quit, program.state.hasUnsavedChanges {
    // A quit without saving was a choice; a signal's loss is not.
    let why =
      program.recovery == nil
      ? "recovery is off (OPTISCOPE_RECOVERY=\(ProcessInfo.processInfo.environment["OPTISCOPE_RECOVERY"] ?? "off"))"
      : program.state.recovery.failure ?? "no recovery copy was written"
    printNote("optiscope: the unsaved recording (\(describe(program.state.player.recording))) is lost: \(why)")
    status = max(status, 1)
  }
  if status != 0 { throw ExitCode(status) }
}

/// "120 steps, 2 events", as the quit question says it.
private func describe(_ scene: Scene) -> String {
  "\(scene.steps) step\(scene.steps == 1 ? "" : "s"), \(scene.events.count) event\(scene.events.count == 1 ? "" : "s")"
}

/// Opens the visualizer on a scene from the command line, playing it from
/// step 0 (paused if asked), with the `--break` conditions set. `s` then
/// suggests a name beside the scene's file, or in the current directory for
/// a built-in scene.
func openVisualizer(replaying loaded: LoadedScene, breakpoints: [Breakpoint], paused: Bool) throws {
  let player: ScenePlayer
  let bytes = try historyByteBudget()
  do {
    player = try ScenePlayer(
      scene: loaded.scene, historyDepth: AppState.historyDepth, historyByteBudget: bytes,
      external: .live(stepTimeout: ExternalTapes.defaultStepTimeout))
  } catch {
    throw CommandLineError.failure("\(loaded.label): \(error)")
  }
  let scenePath = loaded.source.path ?? loaded.source.name + ".yaml"
  var state = AppState(player: player, isRunning: !paused, scenePath: scenePath)
  for breakpoint in breakpoints { state.breakpoints.add(breakpoint, session: state.session) }
  try openVisualizer(state)
}

/// True when two paths name the same file.
private func samePath(_ a: String, _ b: String) -> Bool {
  URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
    == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
}
