import Engine
import OptimizerCore
import Rendering
import Scenes
import ViewModel

/// Composes the visualizer's screen from its state: the frame (map, panels
/// or inspector, status line, help) and, over it, an open picker, text
/// field or question.
public struct Screen: Sendable {
  var renderer = FrameRenderer()
  /// Where the map was last drawn, for turning mouse cells into points.
  public private(set) var projection: MapProjection?

  public init() {}

  /// The whole screen at `width`×`height` for this terminal.
  public mutating func render(_ state: AppState, width: Int, height: Int, profile: DisplayProfile) -> CellGrid {
    let content = Self.content(state)
    let plane = ShownPlane(state.view.plane, content: content, selectedRun: state.run?.id)
    var chrome = chrome(state, profile: profile)
    // The `?` overlay also says what the map's glyphs mean now: first on a
    // screen with no room for the legend under the map, else last.
    if let keys = chrome.help {
      let legend = MapLegend.help(content.runs.map(\.layer), view: state.view, onPlane: plane != nil)
      let hasLegendRows = FrameLayout(width: width, height: height).map { !$0.legend.isEmpty } ?? false
      chrome.help = hasLegendRows ? keys + legend : legend + keys
    }
    let message = state.message.map { ($0.kind == .error ? "⚠ " : "") + $0.text }
    // A message too long for the status line gets rows of its own (over
    // the map, above its legend, when there is one).
    let ownRow = message.map { !fitsStatusLine($0, mode: chrome.mode, step: content.step, width: width) } ?? false
    if let message, !ownRow { chrome.statusFacts.insert(message, at: 0) }
    // The message, or the open modal's own keys, instead of the hints; in
    // evaluation steps the hints leave room for "evaluation k/n of step s".
    if message != nil || state.modal != nil { chrome.hints = [] }
    if state.stepping.isOn, let first = chrome.statusFacts.first {
      let needed = chrome.mode.count + 3 + "step \(content.step)  ".count + DisplayWidth.columns(of: first)
      func hintsWidth() -> Int { chrome.hints.map { $0.key.count + $0.action.count + 3 }.reduce(0, +) }
      while !chrome.hints.isEmpty, needed + hintsWidth() > width { chrome.hints.removeLast() }
    }
    if let plane, let particle = chrome.inspector?.particle {
      chrome.inspector?.planeDistance = plane.geometry.distance(of: particle.position)
    }
    var grid = renderer.render(content, view: state.view, chrome: chrome, width: width, height: height)
    guard let layout = FrameLayout(width: width, height: height) else {
      projection = nil
      return grid
    }
    projection = MapProjection(
      viewport: renderer.viewport(for: content, view: state.view, map: layout.map), rect: layout.map, plane: plane?.geometry)
    if state.showInspector, !state.showHelp, let projection { markSelectedParticle(state, content: content, projection: projection, into: &grid) }
    if let message, ownRow, !state.showHelp {
      drawMessageRows(message, isError: state.message?.kind == .error, layout: layout, into: &grid)
    }
    switch state.modal {
    case .picker(let picker): ModalPainter.draw(picker, into: &grid)
    case .textEntry(let entry): ModalPainter.draw(entry, into: &grid)
    case .confirmation(let confirmation): ModalPainter.draw(confirmation, into: &grid)
    case nil: break
    }
    return grid
  }

  /// The map position under a screen cell (what zoom is about), when the
  /// cell is on the map.
  public func point(atColumn column: Int, row: Int) -> Vector? {
    guard let projection, projection.rect.contains(x: column, y: row) else { return nil }
    return projection.point(cellX: column, cellY: row)
  }

  /// The landscape point under a screen cell (where a click puts a run):
  /// the map position, or on a plane its point there in the box.
  public func landscapePoint(atColumn column: Int, row: Int) -> Vector? {
    guard let projection, projection.rect.contains(x: column, y: row) else { return nil }
    return projection.landscapePoint(cellX: column, cellY: row)
  }

  /// What the frame shows: the session, and the what-if path when it is
  /// shown.
  public static func content(_ state: AppState) -> FrameContent {
    var content = sessionContent(state)
    if state.showWhatIf, let whatIf = state.whatIf, let index = content.runs.firstIndex(where: { $0.id == whatIf.run }) {
      content.runs[index].layer.whatIf = whatIf.path
    }
    return content
  }

  /// The session as the frame shows it. While an iteration is revealed one
  /// evaluation at a time, the map and the panels show each run as it
  /// stood before the iteration with the first k of its probes: the
  /// evaluations counted so far, and the best among them if one beat the
  /// run's best.
  private static func sessionContent(_ state: AppState) -> FrameContent {
    var content = FrameContent(session: state.session, recorder: state.recorder)
    content.backgroundSamples = state.backgroundMap.taken
    guard let shown = state.stepping.revealed, let before = state.stepping.before else { return content }
    let earlier = FrameContent(session: before, recorder: state.recorder)
    for index in content.runs.indices {
      guard var view = earlier.runs.first(where: { $0.id == content.runs[index].id }) else { continue }
      let whole = content.runs[index]
      let probes = Array(whole.layer.probes.prefix(shown))
      view.layer.probes = probes
      // A run whose probes are all shown has spent the whole iteration
      // (gradients included); otherwise one evaluation per probe shown.
      view.evaluations =
        shown >= whole.layer.probes.count ? whole.evaluations : min(view.evaluations + shown, whole.evaluations)
      if let better = probes.min(by: { $0.loss < $1.loss }), better.loss < view.bestLoss ?? .infinity {
        view.bestLoss = better.loss
        view.layer.best = better
      }
      content.runs[index] = view
    }
    return content
  }

  /// What the frame shows around the map: the status line's mode, facts and
  /// hints, the help, the inspector and the selection.
  func chrome(_ state: AppState, profile: DisplayProfile) -> FrameChrome {
    var facts: [String] = []
    if let saving = state.saving { facts.append(saving.description) }
    if let failure = state.session.landscape.failure {
      facts.append("⚠ \(state.session.landscape.title): \(failure.prefix { $0 != "\n" })")
    } else if let sampling = state.backgroundMap.progress(of: state.session.landscape.title) {
      facts.append(sampling)
    }
    if state.recovery.failure != nil { facts.append("⚠ no recovery copy") }
    if state.stepping.isOn {
      let count = EvaluationStepping.probeCount(of: state.session)
      facts.append(
        count == 0
          ? "stepping by evaluation"
          : "evaluation \(state.stepping.revealed ?? count)/\(count) of step \(state.session.step)")
    }
    if state.showInspector, let count = state.run?.optimizer.particles.count, count > 0 {
      facts.append("particle \(state.selectedParticle + 1)/\(count)")
    }
    facts.append(state.speed.description)
    if let run = state.run {
      // The run's number, and where it stands once removals have left gaps.
      let count = state.session.runs.count
      let place = run.number == state.selectedRun + 1 ? "/\(count)" : " (\(state.selectedRun + 1) of \(count))"
      facts.append("run \(run.number)\(place) \(run.optimizer.kind.displayName)")
    }
    if let (spec, value) = state.parameter { facts.append("\(spec.name) = \(spec.describe(value))") }
    if !state.breakpoints.isEmpty {
      let count = state.breakpoints.conditions.count
      facts.append("\(count) breakpoint\(count == 1 ? "" : "s")")
    }
    let hints =
      state.substeps != nil
      ? [
        StatusLine.Hint("→", "next stage"), StatusLine.Hint("←", "back"), StatusLine.Hint("[ ]", "particle"),
        StatusLine.Hint("esc", "leave"),
      ]
      : [
        StatusLine.Hint("space", state.isRunning ? "pause" : "run"), StatusLine.Hint(".", "step"),
        StatusLine.Hint(",", "back"), StatusLine.Hint("s", "save"), StatusLine.Hint("?", "help"),
        StatusLine.Hint("q", "quit"),
      ]
    return FrameChrome(
      selectedRun: state.run?.id, selectedParameter: state.selectedParameter, overlayRun: state.overlayRun,
      mode: state.mode, statusFacts: facts,
      hints: hints, caption: state.showCaption ? state.caption : nil, help: state.showHelp ? KeyMap.help : nil,
      helpPage: state.helpPage, profile: profile, inspector: inspector(state), raceAxis: state.raceAxis,
      stage: stage(state))
  }

  /// The stage shown while an update is taken apart.
  func stage(_ state: AppState) -> StageContent? {
    guard let mode = state.substeps, let run = state.session.run(mode.runID) else { return nil }
    let particles = run.optimizer.particles.count
    let who = particles > 1 ? " · particle \(mode.particle + 1)/\(particles)" : ""
    return StageContent(
      title: "run \(state.session.label(of: run)) · step \(run.steps) → \(run.steps + 1)\(who)",
      stage: mode.stage, index: mode.index, count: mode.stages.count,
      colour: RunStyle.forIndex(run.colourIndex).colour)
  }

  /// The inspector's view of the selected run and particle, when it is open.
  func inspector(_ state: AppState) -> InspectorContent? {
    guard state.showInspector, let run = state.run else { return nil }
    // While an iteration is revealed, the particle as it was before it and
    // the probes shown so far.
    let shownRun = state.stepping.before?.run(run.id) ?? run
    var content = InspectorContent(run: shownRun, label: state.session.label(of: run), particle: state.selectedParticle)
    if let shown = state.stepping.revealed { content.probes = Array(run.probes.points.prefix(shown)) }
    return content
  }

  /// True when the status line holds the mode, the step and the message.
  private func fitsStatusLine(_ message: String, mode: String, step: Int, width: Int) -> Bool {
    mode.count + 3 + "step \(step)  ".count + DisplayWidth.columns(of: message) <= width
  }

  /// The message on rows of its own, wrapped at spaces onto as many rows
  /// as it needs (at most three): over the map's bottom rows, just above
  /// the legend, when the layout has one (so the legend, the colour bar and
  /// the side bar stay readable), else across the screen just above the
  /// status line.
  private func drawMessageRows(_ text: String, isError: Bool, layout: FrameLayout, into grid: inout CellGrid) {
    let band = layout.legend.isEmpty
      ? layout.status
      : Rect(x: layout.map.x, y: layout.legend.y, width: layout.map.width, height: 1)
    let lines = wordWrap(text, width: band.width - 2).prefix(3)
    let style = CellStyle(
      foreground: isError ? RGB(255, 140, 140) : RGB(235, 235, 235), background: RGB(44, 44, 58),
      attributes: isError ? .bold : [])
    for (offset, line) in lines.enumerated() {
      let y = band.y - lines.count + offset
      guard y >= 0 else { continue }
      grid.fill(Rect(x: band.x, y: y, width: band.width, height: 1), glyph: " ", style: style)
      _ = grid.text(" " + line, x: band.x, y: y, maxWidth: band.width, style: style)
    }
  }

  /// Brackets either side of the inspected particle on the map.
  private func markSelectedParticle(
    _ state: AppState, content: FrameContent, projection: MapProjection, into grid: inout CellGrid
  ) {
    guard let id = state.run?.id, let run = content.runs.first(where: { $0.id == id }) else { return }
    let particles = run.layer.particles
    guard particles.indices.contains(state.selectedParticle),
      let cell = projection.cell(particles[state.selectedParticle].position)
    else { return }
    // No background: the map's colour stays under the brackets.
    let style = CellStyle(foreground: RGB(255, 255, 255), attributes: .bold)
    for (x, glyph) in [(cell.x - 1, "[" as Character), (cell.x + 1, "]")] where projection.rect.contains(x: x, y: cell.y) {
      grid.put(glyph, x: x, y: cell.y, style: style)
    }
  }
}
