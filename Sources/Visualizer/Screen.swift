import Engine
import OptimizerCore
import Rendering

/// Composes the visualizer's screen from its state: the frame (map, panels,
/// status line, help) and, over it, an open picker or text field.
public struct Screen: Sendable {
  var renderer = FrameRenderer()
  /// Where the map was last drawn, for turning mouse cells into points.
  public private(set) var projection: MapProjection?

  public init() {}

  /// The whole screen at `width`×`height` for this terminal.
  public mutating func render(_ state: AppState, width: Int, height: Int, profile: DisplayProfile) -> CellGrid {
    let settings = viewSettings(state, profile: profile)
    let content = FrameContent(session: state.session, recorder: state.recorder)
    var grid = renderer.render(content, settings: settings, width: width, height: height)
    if let layout = FrameLayout(width: width, height: height) {
      projection = MapProjection(
        viewport: renderer.viewport(for: content, settings: settings, map: layout.map), rect: layout.map)
    } else {
      projection = nil
      return grid
    }
    switch state.modal {
    case .picker(let picker): ModalPainter.draw(picker, into: &grid)
    case .textEntry(let entry): ModalPainter.draw(entry, into: &grid)
    case nil: break
    }
    return grid
  }

  /// The landscape point under a screen cell, when the cell is on the map.
  public func point(atColumn column: Int, row: Int) -> Vector? {
    guard let projection, projection.rect.contains(x: column, y: row) else { return nil }
    return projection.point(cellX: column, cellY: row)
  }

  func viewSettings(_ state: AppState, profile: DisplayProfile) -> ViewSettings {
    var facts: [String] = [state.speed.description]
    if let run = state.run {
      facts.append("run \(state.selectedRun + 1)/\(state.session.runs.count) \(run.optimizer.kind.displayName)")
    }
    if let (spec, value) = state.parameter { facts.append("\(spec.name) = \(spec.describe(value))") }
    if let message = state.message { facts.append((message.kind == .error ? "⚠ " : "") + message.text) }
    return ViewSettings(
      viewport: state.viewport, colourMap: state.colourMap, scale: state.scale,
      map: MapOptions(trails: state.showTrails, probes: state.showProbes, overlays: state.showOverlays),
      selectedRun: state.run?.id, selectedParameter: state.selectedParameter, mode: state.mode,
      statusFacts: facts,
      hints: [
        StatusLine.Hint("space", state.isRunning ? "pause" : "run"), StatusLine.Hint(".", "step"),
        StatusLine.Hint(",", "back"), StatusLine.Hint("?", "help"), StatusLine.Hint("q", "quit"),
      ],
      help: state.showHelp ? KeyMap.help : nil, profile: profile)
  }
}
