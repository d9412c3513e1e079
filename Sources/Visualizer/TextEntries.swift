import Engine
import Landscapes
import OptimizerCore
import Scenes
import ViewModel

/// The one-line text fields: typing, the live check, and what enter does.
func handleTextEntry(
  _ state: inout AppState, _ entry: inout TextEntry, key: Key, environment: AppEnvironment, effects: inout [Effect]
) {
  switch key {
  case .escape:
    state.modal = nil
    return
  case .backspace:
    if !entry.text.isEmpty { entry.text.removeLast() }
    entry.replacesOnTyping = false
  case .control("u"):
    entry.text = ""
  case .character(let c) where !c.isNewline:
    if entry.replacesOnTyping { entry.text = "" }
    entry.replacesOnTyping = false
    entry.text.append(c)
  case .enter:
    check(&entry)
    guard entry.problem == nil else { break }
    state.modal = nil
    if commit(entry, state: &state, environment: environment, effects: &effects) { return }
    // Refused: the field stays open (unless the commit opened another
    // modal), with the reason beside the status line's.
    if state.modal != nil { return }
    if let message = state.message, message.kind == .error { entry.problem = EntryProblem(message.text) }
    state.modal = .textEntry(entry)
    return
  default:
    break
  }
  check(&entry)
  state.modal = .textEntry(entry)
}

/// Checks the text as typed, so the field shows the problem (and for an
/// expression a caret under the bad token) before enter is pressed.
func check(_ entry: inout TextEntry) {
  entry.problem = nil
  switch entry.purpose {
  case .expression:
    guard !entry.text.trimmingCharacters(in: .whitespaces).isEmpty else {
      entry.problem = EntryProblem("type a function of x and y")
      return
    }
    do { _ = try ExpressionLandscape(source: entry.text) } catch {
      entry.problem = EntryProblem(error.message, column: error.column, length: error.length)
    }
  case .noise:
    guard let value = Double(entry.text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
      entry.problem = EntryProblem("σ must be a number ≥ 0")
      return
    }
  case .parameter:
    break  // checked against the spec on enter, where the run is at hand
  case .saveScene:
    if entry.text.trimmingCharacters(in: .whitespaces).isEmpty { entry.problem = EntryProblem("type a file name") }
  case .goToStep:
    guard let step = Int(entry.text.trimmingCharacters(in: .whitespaces)), step >= 0 else {
      entry.problem = EntryProblem("type a step: a whole number ≥ 0")
      return
    }
  case .externalCommand:
    if entry.text.trimmingCharacters(in: .whitespaces).isEmpty {
      entry.problem = EntryProblem("type the command that runs the optimizer")
    }
  case .breakpoint:
    guard !entry.text.trimmingCharacters(in: .whitespaces).isEmpty else {
      entry.problem = EntryProblem("type a condition")
      return
    }
    do { _ = try Breakpoint.parse(entry.text) } catch {
      entry.problem = EntryProblem(error.message, column: error.column, length: 1)
    }
  }
}

/// Applies a finished entry; false (with an error in the status message)
/// when it was refused.
private func commit(
  _ entry: TextEntry, state: inout AppState, environment: AppEnvironment, effects: inout [Effect]
) -> Bool {
  switch entry.purpose {
  case .expression:
    apply(.setLandscape(.expression(entry.text)), to: &state, confirmation: "landscape: f(x, y) = \(entry.text)")
    state.view.viewport = nil
  case .noise:
    apply(.setNoise(Double(entry.text.trimmingCharacters(in: .whitespaces))!), to: &state, confirmation: "noise σ = \(entry.text)")
  case .parameter(let runID, let name):
    guard let run = state.session.run(runID), let spec = run.optimizer.hyperparameters.spec(named: name) else {
      return true
    }
    guard let value = spec.parse(entry.text.trimmingCharacters(in: .whitespaces)) else {
      state.message = StatusMessage("\(name) expects \(spec.options.map { "one of \($0.joined(separator: ", "))" } ?? "a number"), got '\(entry.text)'", kind: .error)
      return false
    }
    if let problem = spec.problem(with: value) {
      state.message = StatusMessage(problem, kind: .error)
      return false
    }
    apply(.setHyperparameter(run: runID, name: name, value: value), to: &state, confirmation: "\(name) = \(spec.describe(value))")
  case .saveScene(let thenQuit):
    let path = entry.text.trimmingCharacters(in: .whitespaces)
    if state.wouldOverwrite(path, environment: environment) {
      state.modal = .confirmation(.overwrite(path, thenQuit: thenQuit))
      return true
    }
    effects += startSave(&state, to: path, thenQuit: thenQuit, environment: environment)
  case .goToStep:
    state.isRunning = false
    state.jump(to: Int(entry.text.trimmingCharacters(in: .whitespaces))!)
  case .externalCommand(let forSwap):
    let kind = OptimizerKind(name: OptimizerKind.externalName, command: entry.text.trimmingCharacters(in: .whitespaces))
    finish(OptimizerConfiguration(kind: kind), forSwap: forSwap, state: &state)
  case .breakpoint:
    let breakpoint = try! Breakpoint.parse(entry.text)  // checked as typed
    do { try breakpoint.check(in: state.player.scene) } catch {
      state.message = StatusMessage("breakpoint refused: \(error.message)", kind: .error)
      // The field stays open with a caret under the run or the readout.
      var refused = entry
      refused.problem = EntryProblem(error.message, column: error.column, length: 1)
      state.modal = .textEntry(refused)
      return false
    }
    let holds = state.breakpoints.add(breakpoint, session: state.session)
    let when = holds && !breakpoint.isAboutEvents ? " (holds now; stops when it next becomes true)" : ""
    state.message = StatusMessage("breakpoint set: \(breakpoint)\(when)")
  }
  return state.message?.kind != .error
}

/// The lines under the breakpoint field: the conditions already set.
func breakpointNotes(_ state: AppState) -> [String] {
  let conditions = state.breakpoints.conditions
  guard !conditions.isEmpty else { return ["no breakpoints yet · B clears them all"] }
  return ["set: " + conditions.map(\.description).joined(separator: " · ") + " · B clears them all"]
}
