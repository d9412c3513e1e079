import OptimizerCore
import ViewModel

/// Composes whole frames: header, heat map with its layers, colour bar,
/// run panels, race chart, status line and help overlay, laid out for the
/// screen's size.
///
/// The renderer keeps the heat map and gradient field caches between
/// frames, so a frame that only moves particles costs no sampling.
public struct FrameRenderer: Sendable {
  public private(set) var heatMap = HeatMap()
  public private(set) var gradientField = GradientField()
  /// The samples the last frame's map needed and did not have among the
  /// content's `backgroundSamples`: what to sample next, in the background.
  public private(set) var wantedSamples: MapSampleRequest?
  /// The background samples the heat map shows: their key and how many were done.
  private var shownSamples: (key: HeatMap.Key, done: Int)?
  /// The map's landscape layers as last drawn, and what they showed.
  private var background: (key: BackgroundKey, grid: CellGrid)?

  public init() {}

  /// The frame for `content`, its map shown as `view` says and framed by
  /// `chrome`, `width`×`height` cells.
  public mutating func render(
    _ content: FrameContent, view: MapView, chrome: FrameChrome = FrameChrome(), width: Int, height: Int
  ) -> CellGrid {
    var content = chrome.overlayRun.map { content.keepingOverlays(ofRun: $0) } ?? content
    var grid = CellGrid(width: width, height: height)
    guard let layout = FrameLayout(width: width, height: height) else {
      Self.drawTooSmall(into: &grid)
      return grid
    }
    let plane = ShownPlane(view.plane, content: content, selectedRun: chrome.selectedRun)
    if let geometry = plane?.geometry {
      for index in content.runs.indices {
        content.runs[index].planeDistance = content.runs[index].layer.best.map { geometry.distance(of: $0.position) }
      }
    }
    let viewport = self.viewport(for: content, view: view, map: layout.map)
    let projection = MapProjection(viewport: viewport, rect: layout.map, plane: plane?.geometry)
    drawMap(content, view: view, profile: chrome.profile, projection: projection, into: &grid)
    if let stage = chrome.stage {
      let painter = Painter(projection: projection)
      for overlay in stage.stage.overlays {
        OverlayPainter.draw(overlay, runColour: stage.colour, painter: painter, into: &grid)
      }
    }
    drawHeader(content, view: view, viewport: viewport, plane: plane, into: &grid, rect: layout.header)
    if let fitted = heatMap.fitted {
      ColourBar.draw(scale: fitted, colourMap: ColourMap(view.colourMap), into: &grid, rect: layout.colourBar)
    }
    grid.text(
      "loss, \(view.scale.rawValue)", x: layout.colourBarLabel.x, y: layout.colourBarLabel.y,
      maxWidth: layout.colourBarLabel.width, style: CellStyle(foreground: RGB(150, 150, 160)))
    MapLegend.draw(
      content.runs.map(\.layer), view: view, extra: chrome.stage?.stage.overlays ?? [], onPlane: plane != nil, into: &grid,
      rect: layout.legend)
    if let stage = chrome.stage {
      StagePanel.draw(stage, into: &grid, rect: layout.panels)
    } else if let inspector = chrome.inspector {
      InspectorPanel.draw(inspector, into: &grid, rect: layout.panels)
    } else {
      drawPanels(content, chrome: chrome, layout: layout, into: &grid)
    }
    if !layout.raceChart.isEmpty {
      let fStar = content.landscape.knownMinimum?.value
      grid.text(
        "best loss vs \(chrome.raceAxis.rawValue)", x: layout.raceChart.x, y: layout.raceChart.y - 1,
        maxWidth: layout.raceChart.width, style: CellStyle(foreground: RGB(150, 150, 160)))
      RaceChart.draw(
        content.runs.map(\.series), into: &grid, rect: layout.raceChart, floor: fStar, clock: chrome.raceAxis)
    }
    StatusLine.draw(
      mode: chrome.mode, facts: ["step \(content.step)"] + chrome.statusFacts, hints: chrome.hints,
      into: &grid, rect: layout.status)
    if let caption = chrome.caption { CaptionPanel.draw(caption, into: &grid, area: layout.map) }
    if let help = chrome.help {
      HelpOverlay.draw(help, into: &grid, area: Rect(width: width, height: height - 1), page: chrome.helpPage)
    }
    return grid
  }

  /// The viewport shown on a map rectangle: the user's, or the domain
  /// (on a plane, the box on the plane's two axes, whatever its basis, so
  /// that the origin stays in its cell when the basis changes), widened
  /// so that pixels are square.
  public func viewport(for content: FrameContent, view: MapView, map: Rect) -> Viewport {
    let domain = content.landscape.domain
    let whole = domain.dimension > 2 ? Viewport(domain: domain, axes: view.plane.axes(in: domain.dimension)) : Viewport(domain: domain)
    return (view.viewport ?? whole).fitted(columns: map.width, rows: map.height)
  }

  /// Where the map of `content` lands in `map`: its viewport and, on a
  /// landscape of more than two dimensions, its plane.
  public func projection(for content: FrameContent, view: MapView, selectedRun: Int?, map: Rect) -> MapProjection {
    let plane = ShownPlane(view.plane, content: content, selectedRun: selectedRun)
    return MapProjection(viewport: viewport(for: content, view: view, map: map), rect: map, plane: plane?.geometry)
  }

  /// The heat map (re-sampled only when needed), then the landscape's
  /// marks, then the runs. Everything that depends on the landscape alone
  /// is kept as a finished background and copied while nothing it shows
  /// has changed.
  mutating func drawMap(
    _ content: FrameContent, view: MapView, profile: DisplayProfile, projection: MapProjection, into grid: inout CellGrid
  ) {
    let colourMap = ColourMap(view.colourMap)
    let landscape = content.landscape
    let rect = projection.rect
    let base = landscape.domain.center
    let resampled = showBackgroundSamples(content, projection: projection, scale: view.scale, base: base) ?? heatMap.update(
      objective: landscape.objective, identity: landscape.identity, viewport: projection.viewport, columns: rect.width,
      rows: rect.height, scale: view.scale, base: base, plane: projection.plane)
    let key = BackgroundKey(
      heatMap: heatMap.key, scale: view.scale, colourMap: view.colourMap, contours: view.contours,
      profile: profile, gradientField: view.gradientField, domain: landscape.domain,
      minimizers: landscape.knownMinimum?.minimizers ?? [])
    if resampled || background?.key != key {
      var layer = CellGrid(width: rect.width, height: rect.height)
      let local = MapProjection(viewport: projection.viewport, rect: layer.bounds, plane: projection.plane)
      heatMap.draw(into: &layer, rect: layer.bounds, colourMap: colourMap, profile: profile, contours: view.contours)
      // A remote function's gradients would be requests on the drawing path.
      if view.gradientField, !landscape.objective.isRemote {
        gradientField.update(objective: landscape.objective, identity: landscape.identity, projection: local, base: base)
        gradientField.draw(into: &layer, rect: layer.bounds)
      }
      LandscapeMarks.drawLattice(of: landscape.domain, into: &layer, projection: local)
      LandscapeMarks.drawMinimizers(key.minimizers, into: &layer, projection: local)
      background = (key, layer)
    }
    grid.draw(background!.grid, x: rect.x, y: rect.y)
    RunPainter.draw(content.runs.map(\.layer), into: &grid, projection: projection, view: view)
  }

  /// What the cached background shows.
  struct BackgroundKey: Hashable {
    var heatMap: HeatMap.Key?
    var scale: ColourScale
    var colourMap: ColourMapName
    var contours: Int
    var profile: DisplayProfile
    var gradientField: Bool
    var domain: Domain
    var minimizers: [Vector]
  }

  /// The landscape's title, the plane when there is one, the viewport's
  /// ranges (on a plane, named by its axes, or u and v on a rotated one),
  /// the scale and the colour map.
  private func drawHeader(
    _ content: FrameContent, view: MapView, viewport: Viewport, plane: ShownPlane?, into grid: inout CellGrid, rect: Rect
  ) {
    var x = rect.x
    x += grid.text(content.landscape.title, x: x, y: rect.y, maxWidth: rect.width, style: CellStyle(attributes: .bold))
    let (x0, x1) = (compactNumber(viewport.x.lowerBound), compactNumber(viewport.x.upperBound))
    let (y0, y1) = (compactNumber(viewport.y.lowerBound), compactNumber(viewport.y.upperBound))
    let names = plane.map { $0.geometry.axes.map { ("x\($0.first + 1)", "x\($0.second + 1)") } ?? ("u", "v") } ?? ("x", "y")
    let details = (plane.map { "  \($0.summary)" } ?? "")
      + "  \(names.0) ∈ [\(x0), \(x1)]  \(names.1) ∈ [\(y0), \(y1)]  \(view.scale.rawValue) scale  \(view.colourMap)"
    grid.text(details, x: x, y: rect.y, maxWidth: rect.maxX - x, style: CellStyle(foreground: RGB(150, 150, 160)))
  }

  private func drawPanels(_ content: FrameContent, chrome: FrameChrome, layout: FrameLayout, into grid: inout CellGrid) {
    let runs = content.runs
    guard !runs.isEmpty else {
      grid.text("no runs", in: layout.panels, alignment: .center, style: CellStyle(foreground: RGB(150, 150, 160)))
      return
    }
    let fStar = content.landscape.knownMinimum?.value
    let selectedID = chrome.selectedRun ?? runs[0].id
    let selected = runs.first { $0.id == selectedID } ?? runs[0]
    let others = runs.filter { $0.id != selected.id }
    let area = layout.panels
    switch layout.size {
    case .compact:
      // The selected run's compact panel, no taller than it needs; the rows
      // left are shared by the others: a summary panel for each that fits
      // (keeping a line for each of the rest), a line for the rest.
      let lines = min(others.count, max(area.height / 3, 0))
      let wanted = RunPanel.preferredHeight(
        selected, detail: .compact, selectedParameter: chrome.selectedParameter, width: area.width)
      let selectedHeight = min(area.height - lines, wanted)
      let rest = area.height - selectedHeight
      var summaries = others.count
      while summaries > 0 && 5 * summaries + min(others.count - summaries, rest) > rest { summaries -= 1 }
      let lineRows = min(others.count - summaries, rest - 5 * summaries)
      let parts = Layout.rows(
        area, [.fixed(selectedHeight)] + Array(repeating: .fixed(5), count: summaries) + [.fixed(lineRows)])
      RunPanel.draw(selected, detail: .compact, selectedParameter: chrome.selectedParameter, fStar: fStar, into: &grid, rect: parts[0])
      for (index, run) in others.prefix(summaries).enumerated() {
        RunPanel.draw(run, detail: .summary, selectedParameter: nil, fStar: fStar, into: &grid, rect: parts[index + 1])
      }
      for (offset, run) in others.dropFirst(summaries).prefix(lineRows).enumerated() {
        let y = parts[summaries + 1].y + offset
        grid.put(run.layer.style.glyph, x: area.x, y: y, style: CellStyle(foreground: run.layer.style.colour))
        let best = run.bestLoss.map(compactNumber) ?? "–"
        grid.text("\(run.layer.name)  best \(best)", x: area.x + 2, y: y, maxWidth: area.width - 2)
      }
    case .medium:
      // The selected run in full; below it a summary for each other run
      // that fits.
      let wanted = RunPanel.preferredHeight(
        selected, detail: .full, selectedParameter: chrome.selectedParameter, width: area.width)
      let fullHeight = min(area.height, wanted, max(area.height - 5 * others.count, 12))
      let summaries = min(others.count, (area.height - fullHeight) / 5)
      let parts = Layout.rows(area, [.fixed(fullHeight)] + Array(repeating: .fixed(5), count: summaries))
      RunPanel.draw(selected, detail: .full, selectedParameter: chrome.selectedParameter, fStar: fStar, into: &grid, rect: parts[0])
      for (index, run) in others.prefix(summaries).enumerated() {
        RunPanel.draw(run, detail: .summary, selectedParameter: nil, fStar: fStar, into: &grid, rect: parts[index + 1])
      }
    case .large:
      // Every run in full, as tall as it wants, keeping room for a
      // summary of the next two; runs that no longer fit in full get a
      // summary, and what fits nowhere is left out.
      let order = [selected] + others
      var remaining = area
      for (index, run) in order.enumerated() where remaining.height >= 5 {
        let reserved = min(order.count - index - 1, 2) * 5
        let room = remaining.height - reserved
        let wanted = RunPanel.preferredHeight(run, detail: .full)
        let full = room >= min(wanted, 12)
        let height = full ? min(wanted, room) : 5
        RunPanel.draw(
          run, detail: full ? .full : .summary, selectedParameter: index == 0 ? chrome.selectedParameter : nil,
          fStar: fStar, into: &grid, rect: Rect(x: remaining.x, y: remaining.y, width: remaining.width, height: height))
        remaining = remaining.inset(top: height)
      }
    }
  }

  /// A centred message for a screen below 40×12.
  static func drawTooSmall(into grid: inout CellGrid) {
    let lines = [
      "terminal too small",
      "\(grid.width)×\(grid.height); need \(FrameLayout.minimumWidth)×\(FrameLayout.minimumHeight)",
    ]
    let top = max((grid.height - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() where top + offset < grid.height {
      grid.text(line, in: Rect(x: 0, y: top + offset, width: grid.width, height: 1), alignment: .center, style: CellStyle(attributes: offset == 0 ? .bold : []))
    }
  }
}

extension FrameRenderer {
  /// A remote function's map from the content's `backgroundSamples` (nil
  /// when the map is sampled as the frame is drawn): the samples of this
  /// view taken so far, the rest asked for in `wantedSamples`. True when
  /// the map changed. Only a 2-D function's: the background request
  /// samples the first two coordinates.
  mutating func showBackgroundSamples(
    _ content: FrameContent, projection: MapProjection, scale: ColourScale, base: Vector
  ) -> Bool? {
    wantedSamples = nil
    guard content.landscape.objective.isRemote, content.landscape.domain.dimension == 2,
      let taken = content.backgroundSamples
    else {
      shownSamples = nil
      return nil
    }
    let request = MapSampleRequest(
      objective: content.landscape.objective,
      key: HeatMap.Key(
        landscape: content.landscape.identity, viewport: projection.viewport, columns: projection.rect.width,
        rows: projection.rect.height),
      base: base)
    let shown = taken.first { $0.request == request } ?? MapSamples(request: request)
    if !shown.isComplete { wantedSamples = request }
    let changed = shownSamples?.key != request.key || shownSamples?.done != shown.done
    guard changed || heatMap.fitted?.scale != scale else { return false }
    heatMap.show(shown, scale: scale)
    shownSamples = (request.key, shown.done)
    return changed
  }
}
