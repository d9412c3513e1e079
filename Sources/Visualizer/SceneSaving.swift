import Foundation
import Scenes

/// `s`: asking for a file name, never overwriting without asking, saving
/// in the background, and the questions on the way out. Nothing here
/// writes: a save is an effect (`Effect.saveScene`) whose outcome comes
/// back as `saveFinished` or `saveFailed`.

/// Opens the file-name field, filled with a suggestion. The run pauses, so
/// that what is saved is what the screen showed when `s` was pressed.
func openSaveEntry(_ state: inout AppState, thenQuit: Bool, environment: AppEnvironment) {
  state.isRunning = false
  let scene = state.player.recording
  state.modal = .textEntry(
    TextEntry(
      title: "save the scene as", purpose: .saveScene(thenQuit: thenQuit),
      text: state.suggestedFileName(environment),
      hint: "\(describe(scene)), with checksums for replay --verify"))
}

/// Starts saving the scene to `path` (asked for, and allowed to
/// overwrite): the effect takes its checksums by replaying it, then writes
/// it atomically. When the folder is missing, no save starts and the
/// status message says why.
func startSave(_ state: inout AppState, to path: String, thenQuit: Bool, environment: AppEnvironment) -> [Effect] {
  let target = environment.expandingTilde(path)
  let folder = folderOf(target)
  guard environment.entry(folder) == .folder else {
    state.message = StatusMessage("cannot save \(path): there is no folder \(folder)", kind: .error)
    return []
  }
  let job = state.nextJob
  state.nextJob += 1
  state.saving = SaveInProgress(job: job, path: path, fraction: 0, recording: state.player.recording, thenQuit: thenQuit)
  return [.saveScene(job: job, scene: state.sceneToSave, path: target)]
}

/// The save is written: what was saved becomes what "unsaved" compares
/// with, and a quit that waited for it goes on.
func finishSave(_ state: inout AppState, job: Int) {
  guard let saving = state.saving, saving.job == job else { return }
  state.saving = nil
  state.baseline = saving.recording
  state.savedPath = saving.path
  state.message = StatusMessage("saved \(saving.path) (\(describe(saving.recording)))")
  if saving.thenQuit { askBeforeQuitting(&state) }
}

/// The save failed: nothing was written and nothing is lost. The reason
/// is on the status line and, unless something else is open, in the name
/// field again.
func failSave(_ state: inout AppState, job: Int, reason: String, environment: AppEnvironment) {
  guard let saving = state.saving, saving.job == job else { return }
  state.saving = nil
  state.message = StatusMessage(reason, kind: .error)
  guard state.modal == nil else { return }
  openSaveEntry(&state, thenQuit: saving.thenQuit, environment: environment)
  if case .textEntry(var entry) = state.modal {
    entry.text = saving.path
    entry.problem = EntryProblem(reason)
    state.modal = .textEntry(entry)
  }
}

/// Quits, or first asks when a recording has unsaved changes.
func askBeforeQuitting(_ state: inout AppState) {
  if state.hasUnsavedChanges {
    state.isRunning = false  // the question names the steps it would lose
    state.modal = .confirmation(.quit(describe(state.player.recording)))
  } else {
    state.wantsToQuit = true
  }
}

/// "312 steps, 4 events".
func describe(_ scene: Scene) -> String {
  let steps = "\(scene.steps) step\(scene.steps == 1 ? "" : "s")"
  return steps + ", \(scene.events.count) event\(scene.events.count == 1 ? "" : "s")"
}

/// Routes a key to the open question: its choices' keys answer it, others
/// are ignored.
func answer(
  _ state: inout AppState, _ confirmation: Confirmation, key: Key, environment: AppEnvironment,
  effects: inout [Effect]
) {
  guard confirmation.choices.contains(where: { $0.key == key }) else { return }
  state.modal = nil
  switch (confirmation.purpose, key) {
  case (.quitWithUnsavedChanges, .character("s")):
    openSaveEntry(&state, thenQuit: true, environment: environment)
  case (.quitWithUnsavedChanges, .character("q")):
    state.wantsToQuit = true
  case (.overwrite(let path, let thenQuit), .character("y")):
    effects += startSave(&state, to: path, thenQuit: thenQuit, environment: environment)
    if state.saving == nil {
      // Back to the name, with the reason.
      openSaveEntry(&state, thenQuit: thenQuit, environment: environment)
      if case .textEntry(var entry) = state.modal {
        entry.text = path
        entry.problem = state.message.map { EntryProblem($0.text) }
        state.modal = .textEntry(entry)
      }
    }
  case (.overwrite(let path, let thenQuit), .character("n")):
    openSaveEntry(&state, thenQuit: thenQuit, environment: environment)
    if case .textEntry(var entry) = state.modal {
      entry.text = path
      state.modal = .textEntry(entry)
    }
  default:
    break  // esc: nothing happens
  }
}

extension AppState {
  /// The name `s` suggests: where this session last saved; for a replay,
  /// the scene's name with the next free number (`NAME-2.yaml`), so that a
  /// fork never lands on the original; for a fresh session a time stamp
  /// (`scene-20261129-141502.yaml`). Relative names are in the current
  /// directory.
  func suggestedFileName(_ environment: AppEnvironment) -> String {
    if let savedPath { return savedPath }
    if let scenePath { return Self.nextFreeName(after: scenePath, environment: environment) }
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    return "scene-\(formatter.string(from: environment.date())).yaml"
  }

  /// True when saving to `path` would replace a file this session did not
  /// write: the user is asked first.
  func wouldOverwrite(_ path: String, environment: AppEnvironment) -> Bool {
    let target = environment.expandingTilde(path)
    guard environment.entry(target) != nil else { return false }
    return savedPath.map { environment.expandingTilde($0) } != target
  }

  /// `tour.yaml` → `tour-2.yaml`, `tour-2.yaml` → `tour-3.yaml`, skipping
  /// names that exist in the current directory.
  static func nextFreeName(after path: String, environment: AppEnvironment) -> String {
    var stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var number = 2
    // A short trailing number counts up; a long one (a time stamp) stays.
    if let dash = stem.lastIndex(of: "-"), let n = Int(stem[stem.index(after: dash)...]),
      stem.distance(from: dash, to: stem.endIndex) <= 4
    {
      number = n + 1
      stem = String(stem[..<dash])
    }
    while environment.entry("\(stem)-\(number).yaml") != nil { number += 1 }
    return "\(stem)-\(number).yaml"
  }
}

/// The folder a path names its file in: `a/b.yaml` → `a`, `/b.yaml` → `/`,
/// `b.yaml` → `.`.
func folderOf(_ path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}
