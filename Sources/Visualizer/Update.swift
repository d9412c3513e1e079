import Engine
import Landscapes
import OptimizerCore
import Rendering
import Scenes
import ViewModel

/// Applies one action to the state, the visualizer's only way to change,
/// and returns the effects the loop is to perform (saving, the recovery
/// file).
///
/// Pure: it touches no file and reads no clock (the date and what lies at
/// a path come from `environment`, time from `.tick`), so the same state,
/// action and environment give the same new state and effects. Engine
/// errors become a status message; nothing the user made is thrown away.
@discardableResult
public func update(_ state: inout AppState, _ action: Action, in environment: AppEnvironment) -> [Effect] {
  if !action.isFeedback { state.message = nil }
  var effects: [Effect] = []
  switch action {
  case .togglePause:
    state.isRunning.toggle()
  case .stepForward:
    state.isRunning = false
    state.stepForward()
  case .stepBack:
    state.isRunning = false
    state.stepBack()
  case .faster:
    state.speed = state.speed.faster
    state.message = StatusMessage("speed: \(state.speed)")
  case .slower:
    state.speed = state.speed.slower
    state.message = StatusMessage("speed: \(state.speed)")
  case .reset:
    apply(.reset(seed: nil), to: &state, confirmation: "reset to step 0")
  case .resetWithNewSeed:
    let seed = state.seedSequence.next() % 1_000_000
    apply(.reset(seed: seed), to: &state, confirmation: "reset with seed \(seed)")
  case .toggleEvaluationStepping:
    state.stepping.isOn.toggle()
    state.stepping.showWhole()
    state.message = StatusMessage(
      state.stepping.isOn ? "a step is now one evaluation (E: one iteration)" : "a step is now one iteration")

  case .save:
    if let saving = state.saving {
      state.message = StatusMessage("a save is already running: \(saving)")
    } else {
      openSaveEntry(&state, thenQuit: false, environment: environment)
    }
  case .openGoToStep:
    let length = state.player.isRecording ? "" : "; the scene lasts \(state.player.scene.steps) steps"
    state.modal = .textEntry(
      TextEntry(title: "go to step", purpose: .goToStep, hint: "now at step \(state.session.step)\(length)"))
  case .openBreakpointEntry:
    var entry = TextEntry(
      title: "break when", purpose: .breakpoint,
      hint: "step == 120 · best < 1e-3 · run 2 best < 1e-3 · event == reject · T < 0.01",
      notes: breakpointNotes(state))
    check(&entry)
    state.modal = .textEntry(entry)
  case .clearBreakpoints:
    let count = state.breakpoints.conditions.count
    state.breakpoints.removeAll()
    state.message = StatusMessage(count == 0 ? "no breakpoints to clear" : "cleared \(count) breakpoint\(count == 1 ? "" : "s")")
  case .toggleSubsteps:
    if state.substeps == nil { state.openSubsteps() } else { state.substeps = nil }
  case .toggleInspector:
    state.showInspector.toggle()
  case .selectParticle(let offset):
    let count = state.run?.optimizer.particles.count ?? 0
    guard count > 0 else { return [] }
    state.showInspector = true
    state.selectedParticle = ((state.selectedParticle + offset) % count + count) % count

  case .selectNextRun:
    guard !state.session.runs.isEmpty else { return [] }
    state.selectedRun = (state.selectedRun + 1) % state.session.runs.count
    state.clampSelections()
  case .selectRun(let index):
    guard state.session.runs.indices.contains(index) else {
      state.message = StatusMessage("there is no run \(index + 1)", kind: .error)
      return []
    }
    state.selectedRun = index
    state.clampSelections()
  case .openAddRunPicker:
    state.modal = .picker(optimizerPicker(title: "Add a run", purpose: .addRun))
  case .removeSelectedRun:
    guard let run = state.run else { return [] }
    guard state.session.runs.count > 1 else {
      state.message = StatusMessage("the last run stays; add another before removing this one", kind: .error)
      return []
    }
    apply(.removeRun(run.id), to: &state, confirmation: "removed \(run.optimizer.kind.displayName)")
  case .openSwapPicker:
    guard let run = state.run else { return [] }
    state.modal = .picker(
      optimizerPicker(title: "Swap \(run.optimizer.kind.displayName) for", purpose: .swapOptimizer))

  case .selectPreviousParameter:
    state.selectedParameter -= 1
    state.clampSelections()
  case .selectNextParameter:
    state.selectedParameter += 1
    state.clampSelections()
  case .nudgeParameter(let direction, let coarse):
    guard let run = state.run, let (spec, value) = state.parameter else { return [] }
    let next = spec.stepped(value, by: direction, coarse: coarse)
    guard next != value else {
      state.message = StatusMessage("\(spec.name) is at the end of its range \(spec.describeRange())")
      return []
    }
    apply(.setHyperparameter(run: run.id, name: spec.name, value: next), to: &state, confirmation: nil)
  case .editParameter:
    guard let run = state.run, let (spec, value) = state.parameter else { return [] }
    state.modal = .textEntry(
      TextEntry(
        title: "\(spec.name) (\(spec.symbol))", purpose: .parameter(run: run.id, name: spec.name),
        text: spec.describe(value), hint: "valid range \(spec.describeRange()) · \(spec.help)"))
  case .resetParameter:
    guard let run = state.run, let (spec, _) = state.parameter else { return [] }
    apply(
      .setHyperparameter(run: run.id, name: spec.name, value: spec.defaultValue), to: &state,
      confirmation: "\(spec.name) back to its default \(spec.describe(spec.defaultValue))")

  case .openLandscapePicker:
    let items = LandscapeCatalog.entries.map { entry in
      Picker.Item(name: entry.name, detail: entry.title)
    }
    state.modal = .picker(Picker(title: "Landscape", purpose: .landscape, items: items))
  case .editExpression:
    var entry = TextEntry(
      title: "f(x, y) =", purpose: .expression, text: currentExpression(state) ?? "",
      hint: "+ - * / ^, pi, e, sin cos tan asin acos atan exp log sqrt abs tanh floor min max pow hypot")
    check(&entry)
    state.modal = .textEntry(entry)
  case .editNoise:
    state.modal = .textEntry(
      TextEntry(
        title: "noise σ", purpose: .noise, text: formatNumber(state.session.noise),
        hint: "σ of Gaussian noise added to every evaluation (0: none)"))

  case .pan(let dx, let dy):
    state.view.viewport = currentViewport(state).panned(dx: dx, dy: dy)
  case .zoom(let factor, let anchor):
    state.view.viewport = currentViewport(state).zoomed(by: factor, about: anchor)
  case .fitDomain:
    state.view.viewport = nil
  case .setStart(let point):
    guard let run = state.run else { return [] }
    apply(.moveStart(run: run.id, to: point), to: &state, confirmation: "restarted from \(point)")
  case .dropParticle(let point):
    guard let run = state.run else { return [] }
    apply(.dropParticle(run: run.id, at: point), to: &state, confirmation: "dropped a particle at \(point)")
  case .cycleColourMap:
    state.view.colourMap = state.view.colourMap.next
    state.message = StatusMessage("colour map: \(state.view.colourMap)")
  case .cycleScale:
    state.view.scale = state.view.scale.next
    state.message = StatusMessage("colour scale: \(state.view.scale.rawValue)")
  case .toggleTrails:
    state.view.trails.toggle()
    state.message = StatusMessage("trails \(state.view.trails ? "on" : "off")")
  case .toggleProbes:
    state.view.probes.toggle()
    state.message = StatusMessage("probes \(state.view.probes ? "on" : "off")")
  case .cycleOverlays:
    state.cycleOverlays()

  case .toggleCaption:
    state.showCaption.toggle()
  case .toggleHelp:
    state.showHelp.toggle()
  case .quit:
    if let saving = state.saving, !saving.thenQuit {
      state.saving?.thenQuit = true
      state.message = StatusMessage("quitting once \(saving.path) is saved (q again stops the save)")
    } else {
      if let saving = state.saving {
        effects.append(.cancelSave(job: saving.job))
        state.saving = nil
      }
      askBeforeQuitting(&state)
    }

  case .tick(let now):
    effects += state.keepRecovery(at: now)
  case .saveProgressed(let job, let fraction):
    if state.saving?.job == job { state.saving?.fraction = fraction }
  case .saveFinished(let job):
    finishSave(&state, job: job)
  case .saveFailed(let job, let reason):
    failSave(&state, job: job, reason: reason, environment: environment)
  case .recoveryWritten(let revision):
    if state.recovery.revision == revision { state.recovery.failure = nil }
  case .recoveryFailed(_, let reason):
    state.recoveryFailed(reason)
  }
  return effects
}

/// Routes a key: to the open picker or text field if there is one, else
/// through the key table; returns the effects, as `update` does. While the
/// help is open, any key just closes it.
@discardableResult
public func handle(_ state: inout AppState, key: Key, in environment: AppEnvironment) -> [Effect] {
  if state.showHelp {
    state.showHelp = false
    return []
  }
  // Any key closes the caption, and the run goes on. Space, esc and enter
  // only close it (space would pause what is about to start); other keys
  // then do what they do, and w closes it as it opens it.
  if state.showCaption, state.modal == nil, KeyMap.action(for: key) != .toggleCaption {
    state.showCaption = false
    if [.escape, .enter, .character(" ")].contains(key) { return [] }
  }
  if state.substeps != nil, state.modal == nil, handleSubstepKey(&state, key) { return [] }
  var effects: [Effect] = []
  switch state.modal {
  case .picker(var picker):
    handlePicker(&state, &picker, key: key)
  case .textEntry(var entry):
    handleTextEntry(&state, &entry, key: key, environment: environment, effects: &effects)
  case .confirmation(let confirmation):
    answer(&state, confirmation, key: key, environment: environment, effects: &effects)
  case nil:
    if let action = KeyMap.action(for: key) { effects = update(&state, action, in: environment) }
  }
  return effects
}

/// The keys of the sub-step mode: → and . the next stage (past the last,
/// the step is taken), ← and , the previous, [ ] another particle, esc and
/// u leave. False for any other key, which closes the mode and then does
/// what it does.
private func handleSubstepKey(_ state: inout AppState, _ key: Key) -> Bool {
  switch key {
  case .right, .character("."): state.nextStage()
  case .left, .character(","): state.previousStage()
  case .character("["): state.followParticle(offset: -1)
  case .character("]"): state.followParticle(offset: 1)
  case .escape, .character("u"): state.substeps = nil
  default:
    state.substeps = nil
    return false
  }
  return true
}

// MARK: - Engine commands

/// Makes a live change: the player records it as an event at this step.
/// A replay forks into a recording; in a recording that went back, the
/// undone events after this step are dropped. A refusal becomes a status
/// message.
func apply(_ command: Command, to state: inout AppState, confirmation: String?) {
  let wasRecording = state.player.isRecording
  let undone = state.player.pendingEvents.count
  do {
    try state.player.record(command)
  } catch {
    state.message = StatusMessage(error.description, kind: .error)
    return
  }
  state.stepping.showWhole()
  state.liveChangePending = true
  state.sessionChanged()
  var notes: [String] = []
  if !wasRecording {
    let step = state.player.scene.events.last?.step ?? state.session.step
    notes.append("forked: recording a new scene from step \(step)")
  } else if undone > 0 {
    notes.append("dropped \(undone) undone event\(undone == 1 ? "" : "s")")
  }
  if let confirmation { notes.append(confirmation) }
  state.message = notes.isEmpty ? nil : StatusMessage(notes.joined(separator: " · "))
}

/// The viewport on screen: the user's, or the whole domain.
func currentViewport(_ state: AppState) -> Viewport {
  state.view.viewport ?? Viewport(domain: state.session.landscape.domain)
}

private func currentExpression(_ state: AppState) -> String? {
  if case .expression(let text) = state.session.landscapeSource.function { return text }
  return nil
}

// MARK: - Pickers

private func optimizerPicker(title: String, purpose: Picker.Purpose) -> Picker {
  let items = OptimizerRegistry.entries.map { entry in
    Picker.Item(name: entry.name, detail: "\(entry.descriptor.family.rawValue) · \(entry.descriptor.summary)")
  }
  return Picker(title: title, purpose: purpose, items: items)
}

/// The first item of a parts picker for an entry with parts of its own:
/// choosing it keeps them.
private let keepPartsItem = "defaults"

private func partsPicker(_ title: String, _ names: [String], purpose: Picker.Purpose, extra: [Picker.Item] = []) -> Picker {
  Picker(title: title, purpose: purpose, items: extra + names.map { Picker.Item(name: $0, detail: "") })
}

private func handlePicker(_ state: inout AppState, _ picker: inout Picker, key: Key) {
  switch key {
  case .escape:
    state.modal = nil
    return
  case .up:
    picker.selection = max(0, picker.selection - 1)
  case .down:
    picker.selection = min(max(0, picker.visible.count - 1), picker.selection + 1)
  case .backspace:
    if !picker.filter.isEmpty { picker.filter.removeLast() }
    picker.selection = 0
  case .character(let c) where !c.isNewline:
    picker.filter.append(c)
    picker.selection = 0
  case .enter:
    guard let item = picker.chosen else { return }
    state.modal = nil
    choose(item.name, purpose: picker.purpose, state: &state)
    return
  default:
    break
  }
  state.modal = .picker(picker)
}

private func choose(_ name: String, purpose: Picker.Purpose, state: inout AppState) {
  switch purpose {
  case .landscape:
    apply(.setLandscape(.named(name)), to: &state, confirmation: "landscape: \(name)")
    state.view.viewport = nil
  case .addRun, .swapOptimizer:
    let forSwap = purpose == .swapOptimizer
    // Every entry that takes parts asks for them; one that has parts of its
    // own (a preset, the gravity swarm) offers them first, so that one
    // enter keeps them.
    if let entry = try? OptimizerRegistry.entry(named: name), let defaults = entry.defaultParts {
      let keep = entry.asksForParts ? [] : [Picker.Item(name: keepPartsItem, detail: "its own parts: \(defaults)")]
      state.modal = .picker(
        partsPicker(
          "\(name): gradient source", DescentParts.gradientNames,
          purpose: .descentGradient(forSwap: forSwap, optimizer: name), extra: keep))
    } else {
      finish(OptimizerConfiguration(name), forSwap: forSwap, state: &state)
    }
  case .descentGradient(let forSwap, let optimizer) where name == keepPartsItem:
    finish(OptimizerConfiguration(optimizer), forSwap: forSwap, state: &state)
  case .descentGradient(let forSwap, let optimizer):
    state.modal = .picker(
      partsPicker(
        "\(optimizer): update rule", DescentParts.updateNames,
        purpose: .descentUpdate(forSwap: forSwap, optimizer: optimizer, gradient: name)))
  case .descentUpdate(let forSwap, let optimizer, let gradient):
    state.modal = .picker(
      partsPicker(
        "\(optimizer): step guard (enter on 'done' to finish)", DescentParts.guardNames,
        purpose: .descentGuard(forSwap: forSwap, optimizer: optimizer, gradient: gradient, update: name, guards: []),
        extra: [Picker.Item(name: "done", detail: "no more guards")]))
  case .descentGuard(let forSwap, let optimizer, let gradient, let update, let guards):
    if name == "done" {
      let parts = DescentParts(gradient: gradient, update: update, guards: guards)
      finish(OptimizerConfiguration(optimizer, parts: parts), forSwap: forSwap, state: &state)
    } else {
      let chosen = guards + [name]
      state.modal = .picker(
        partsPicker(
          "\(optimizer): another guard after \(chosen.joined(separator: ", ")), or done", DescentParts.guardNames,
          purpose: .descentGuard(forSwap: forSwap, optimizer: optimizer, gradient: gradient, update: update, guards: chosen),
          extra: [Picker.Item(name: "done", detail: "guards: \(chosen.joined(separator: " → "))")]))
    }
  }
}

private func finish(_ configuration: OptimizerConfiguration, forSwap: Bool, state: inout AppState) {
  if forSwap, let run = state.run {
    apply(
      .swapOptimizer(run: run.id, configuration), to: &state,
      confirmation: "swapped to \(configuration.kind.displayName)")
    state.selectedParameter = 0
  } else {
    let start = state.run?.start
    apply(.addRun(RunSetup(configuration, start: start)), to: &state, confirmation: "added \(configuration.kind.displayName)")
    state.selectedRun = state.session.runs.count - 1
    state.clampSelections()
  }
}
