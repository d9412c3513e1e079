import Foundation
import Scenes

/// `s`: asking for a file name, never overwriting without asking, writing
/// the scene with its checksums, and the questions on the way out.

/// Opens the file-name field, filled with a suggestion. The run pauses, so
/// that what is saved is what the screen showed when `s` was pressed.
func openSaveEntry(_ state: inout AppState, thenQuit: Bool) {
  state.isRunning = false
  let scene = state.player.recording
  state.modal = .textEntry(
    TextEntry(
      title: "save the scene as", purpose: .saveScene(thenQuit: thenQuit), text: state.suggestedFileName,
      hint: "\(describe(scene)), with checksums for replay --verify"))
}

/// Saves the scene to `path` (asked for, and allowed to overwrite): its
/// checksums are taken by replaying it headless, then the file is written
/// atomically. False, with the reason in the status line, when that failed;
/// nothing is lost then.
@discardableResult
func save(_ state: inout AppState, to path: String, thenQuit: Bool) -> Bool {
  let scene = state.sceneToSave
  let target = expandingTilde(path)
  let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
    state.message = StatusMessage("cannot save \(path): there is no folder \(folder)", kind: .error)
    return false
  }
  do {
    let checked = try SceneChecksums.recorded(for: scene)
    try SceneFile.save(checked, to: target)
  } catch {
    state.message = StatusMessage(error.message, kind: .error)
    return false
  }
  state.baseline = state.player.recording
  state.savedPath = path
  state.message = StatusMessage("saved \(path) (\(describe(scene)))")
  if thenQuit { state.wantsToQuit = true }
  return true
}

/// "312 steps, 4 events".
func describe(_ scene: Scene) -> String {
  let steps = "\(scene.steps) step\(scene.steps == 1 ? "" : "s")"
  return steps + ", \(scene.events.count) event\(scene.events.count == 1 ? "" : "s")"
}

/// Routes a key to the open question: its choices' keys answer it, others
/// are ignored.
func answer(_ state: inout AppState, _ confirmation: Confirmation, key: Key) {
  guard confirmation.choices.contains(where: { $0.key == key }) else { return }
  state.modal = nil
  switch (confirmation.purpose, key) {
  case (.quitWithUnsavedChanges, .character("s")):
    openSaveEntry(&state, thenQuit: true)
  case (.quitWithUnsavedChanges, .character("q")):
    state.wantsToQuit = true
  case (.overwrite(let path, let thenQuit), .character("y")):
    if !save(&state, to: path, thenQuit: thenQuit) {
      // Back to the name, with the reason.
      openSaveEntry(&state, thenQuit: thenQuit)
      if case .textEntry(var entry) = state.modal {
        entry.text = path
        entry.problem = state.message.map { EntryProblem($0.text) }
        state.modal = .textEntry(entry)
      }
    }
  case (.overwrite(let path, let thenQuit), .character("n")):
    openSaveEntry(&state, thenQuit: thenQuit)
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
  var suggestedFileName: String {
    if let savedPath { return savedPath }
    if let scenePath { return Self.nextFreeName(after: scenePath) }
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    return "scene-\(formatter.string(from: Date())).yaml"
  }

  /// True when saving to `path` would replace a file this session did not
  /// write: the user is asked first.
  func wouldOverwrite(_ path: String) -> Bool {
    let target = expandingTilde(path)
    guard FileManager.default.fileExists(atPath: target) else { return false }
    return savedPath.map { expandingTilde($0) } != target
  }

  /// `tour.yaml` → `tour-2.yaml`, `tour-2.yaml` → `tour-3.yaml`, skipping
  /// names that exist in the current directory.
  static func nextFreeName(after path: String) -> String {
    var stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var number = 2
    // A short trailing number counts up; a long one (a time stamp) stays.
    if let dash = stem.lastIndex(of: "-"), let n = Int(stem[stem.index(after: dash)...]),
      stem.distance(from: dash, to: stem.endIndex) <= 4
    {
      number = n + 1
      stem = String(stem[..<dash])
    }
    while FileManager.default.fileExists(atPath: "\(stem)-\(number).yaml") { number += 1 }
    return "\(stem)-\(number).yaml"
  }
}

/// `~/x` → `$HOME/x`; other paths unchanged.
func expandingTilde(_ path: String) -> String {
  guard path == "~" || path.hasPrefix("~/") else { return path }
  return NSString(string: path).expandingTildeInPath
}
