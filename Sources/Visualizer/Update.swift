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
  case .jumpSteps(let count):
    state.isRunning = false
    state.jump(to: max(0, state.session.step + count))
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
  case .selectRun(let number):
    guard let index = state.session.runs.firstIndex(where: { $0.number == number }) else {
      let numbers = state.session.runs.map { String($0.number) }.joined(separator: ", ")
      state.message = StatusMessage("there is no run \(number); the runs are \(numbers)", kind: .error)
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
    apply(
      .removeRun(run.id), to: &state,
      confirmation: "removed run \(run.number) (\(run.optimizer.kind.displayName)) · , brings it back")
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
  case .selectNextAxis:
    let domain = state.session.landscape.domain
    state.selectedAxis = (selectedAxis(state) + 1) % domain.dimension
    let index = state.selectedAxis
    state.message = StatusMessage(
      "axis \(axisName(index, of: domain)) selected: \(domain.axes[index].kind.rawValue) (K cycles its kind)")
  case .cycleAxisKind:
    cycleAxisKind(&state)

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
  case .toggleContours:
    if state.view.contours > 0 {
      state.contoursWhenOn = state.view.contours
      state.view.contours = 0
    } else {
      state.view.contours = state.contoursWhenOn
    }
    state.message = StatusMessage(state.view.contours > 0 ? "contour lines on (\(state.view.contours))" : "contour lines off")
  case .toggleGradientField:
    state.view.gradientField.toggle()
    // An external function's arrows would each be a request on the drawing path (docs/PROTOCOL.md).
    let remote = state.view.gradientField && state.session.landscape.isRemote
    state.message = StatusMessage(
      "gradient field \(state.view.gradientField ? "on" : "off")\(remote ? ", not drawn for an external function" : "")")
  case .toggleWhatIf:
    guard state.whatIf != nil else {
      state.message = StatusMessage("no what-if path: change a hyperparameter (← →) to see where it would have led")
      return []
    }
    state.showWhatIf.toggle()
    state.message = StatusMessage("what-if path \(state.showWhatIf ? "on" : "off")")
  case .toggleRaceAxis:
    state.raceAxis = state.raceAxis == .evaluations ? .steps : .evaluations
    state.message = StatusMessage("race chart against \(state.raceAxis.rawValue)")
  case .movePlaneAxis(let second, let offset):
    state.movePlaneAxis(second: second, by: offset)
  case .cyclePlaneBasis:
    state.cyclePlaneBasis()
  case .cyclePlaneThrough:
    state.cyclePlaneThrough()

  case .toggleCaption:
    state.showCaption.toggle()
  case .toggleHelp:
    state.showHelp.toggle()
    state.helpPage = 0
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
  case .mapWanted(let request):
    let sampling = state.backgroundMap.want(request, job: state.nextJob)
    if sampling.contains(where: { if case .sampleMap = $0 { true } else { false } }) { state.nextJob += 1 }
    effects += sampling
  case .mapSampled(let job, let samples):
    state.backgroundMap.receive(samples, job: job)
  }
  return effects
}

/// Routes a key: to the open picker or text field if there is one, else
/// through the key table; returns the effects, as `update` does. While the
/// help is open, space, PgDn and → turn its page on, PgUp and ← back, and
/// any other key just closes it.
@discardableResult
public func handle(_ state: inout AppState, key: Key, in environment: AppEnvironment) -> [Effect] {
  if state.showHelp {
    switch key {
    case .character(" "), .pageDown, .right: state.helpPage += 1
    case .pageUp, .left: state.helpPage -= 1
    default: state.showHelp = false
    }
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
  let whatIfNote = followWhatIf(command, &state)
  var notes: [String] = []
  if !wasRecording {
    let step = state.player.scene.events.last?.step ?? state.session.step
    notes.append("forked: recording a new scene from step \(step)")
  } else if undone > 0 {
    notes.append("dropped \(undone) undone event\(undone == 1 ? "" : "s")")
  }
  if let confirmation { notes.append(confirmation) }
  if let whatIfNote { notes.append(whatIfNote) }
  state.message = notes.isEmpty ? nil : StatusMessage(notes.joined(separator: " · "))
}

/// Keeps the what-if path in step with a live change: a hyperparameter
/// set re-runs its run from the start with the new value; a change that
/// rebuilds or removes the path's run makes it stale. Returns what the
/// status line says of it.
private func followWhatIf(_ command: Command, _ state: inout AppState) -> String? {
  switch command {
  case .setHyperparameter(let id, let name, let value):
    let spec = state.session.run(id)?.optimizer.hyperparameters.specs.first { $0.name == name }
    let change = "\(name) = \(spec?.describe(value) ?? formatNumber(value))"
    switch WhatIf.compute(session: state.session, run: id, parameter: name, value: value, change: change) {
    case .path(let whatIf):
      state.whatIf = whatIf
      return state.showWhatIf
        ? "faint line: where it would be with \(change) from the start (W hides it)"
        : "W shows where it would be with \(change) from the start"
    case .tooCostly(let cost):
      state.whatIf = nil
      return "no what-if path: \(cost) particle-steps to re-run, over \(WhatIf.particleStepLimit)"
    case .failed(let reason):
      state.whatIf = nil
      return "no what-if path: \(reason)"
    }
  case .swapOptimizer(let id, _), .removeRun(let id), .moveStart(let id, _), .dropParticle(let id, _):
    if state.whatIf?.run == id { state.whatIf = nil }
  case .setLandscape, .setNoise, .reset:
    state.whatIf = nil
  case .addRun:
    break
  }
  return nil
}

/// The viewport on screen: the user's, or the whole domain (on a plane,
/// the box on the plane's axes).
func currentViewport(_ state: AppState) -> Viewport {
  let domain = state.session.landscape.domain
  guard domain.dimension > 2 else { return state.view.viewport ?? Viewport(domain: domain) }
  return state.view.viewport ?? Viewport(domain: domain, axes: state.view.plane.axes(in: domain.dimension))
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
  let external = Picker.Item(
    name: externalItem, detail: "your own optimizer: a command that speaks optiscope's protocol (docs/PROTOCOL.md)")
  return Picker(title: title, purpose: purpose, items: items + [external])
}

/// The optimizer picker's last item: it asks for the command of an external optimizer.
private let externalItem = "external…"

/// The first item of a parts picker for an entry with parts of its own:
/// choosing it keeps them.
private let keepPartsItem = "defaults"

/// A picker of descent parts, each shown with its one-line description
/// from the registry.
private func partsPicker(
  _ title: String, _ parts: [DescentPartDescription], purpose: Picker.Purpose, extra: [Picker.Item] = []
) -> Picker {
  Picker(title: title, purpose: purpose, items: extra + parts.map { Picker.Item(name: $0.name, detail: $0.summary) })
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
  case .addRun where name == externalItem, .swapOptimizer where name == externalItem:
    let forSwap = purpose == .swapOptimizer
    let example = "python3 clients/python/examples/random_search.py"
    state.modal = .textEntry(
      TextEntry(
        title: "the command that runs your optimizer", purpose: .externalCommand(forSwap: forSwap), text: example,
        hint: "run by sh in this folder; it speaks JSON lines on stdin and stdout (docs/PROTOCOL.md)"))
  case .addRun, .swapOptimizer:
    let forSwap = purpose == .swapOptimizer
    // Every entry that takes parts asks for them; one that has parts of its
    // own (a preset, the gravity swarm) offers them first, so that one
    // enter keeps them.
    if let entry = try? OptimizerRegistry.entry(named: name), let defaults = entry.defaultParts {
      let keep = entry.asksForParts ? [] : [Picker.Item(name: keepPartsItem, detail: "its own parts: \(defaults)")]
      state.modal = .picker(
        partsPicker(
          "\(name): gradient source", DescentParts.gradientSources,
          purpose: .descentGradient(forSwap: forSwap, optimizer: name), extra: keep))
    } else {
      finish(OptimizerConfiguration(name), forSwap: forSwap, state: &state)
    }
  case .descentGradient(let forSwap, let optimizer) where name == keepPartsItem:
    finish(OptimizerConfiguration(optimizer), forSwap: forSwap, state: &state)
  case .descentGradient(let forSwap, let optimizer):
    state.modal = .picker(
      partsPicker(
        "\(optimizer): update rule", DescentParts.updateRules,
        purpose: .descentUpdate(forSwap: forSwap, optimizer: optimizer, gradient: name)))
  case .descentUpdate(let forSwap, let optimizer, let gradient):
    state.modal = .picker(
      partsPicker(
        "\(optimizer): step guard (enter on 'done' to finish)", DescentParts.stepGuards,
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
          "\(optimizer): another guard after \(chosen.joined(separator: ", ")), or done", DescentParts.stepGuards,
          purpose: .descentGuard(forSwap: forSwap, optimizer: optimizer, gradient: gradient, update: update, guards: chosen),
          extra: [Picker.Item(name: "done", detail: "guards: \(chosen.joined(separator: " → "))")]))
    }
  }
}

func finish(_ configuration: OptimizerConfiguration, forSwap: Bool, state: inout AppState) {
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
