import OptimizerCore

/// One run's panel: its optimizer, counters, best loss and gap to f*, its
/// readouts as gauges, a log-scale loss sparkline, its event counts and its
/// hyperparameters with the selected one highlighted and its help below.
public enum RunPanel {
  /// How much of the panel to show.
  public enum Detail: Sendable {
    /// Everything, one gauge per readout and the whole table.
    case full
    /// For a narrow side bar: at most two gauges, a one-row sparkline.
    case compact
    /// The title, the best loss and a one-row sparkline.
    case summary
  }

  /// The rows (box included) the panel wants at a level of detail, with
  /// room for the selected hyperparameter's help at a panel width (two
  /// rows when neither is given).
  public static func preferredHeight(_ run: RunView, detail: Detail, selectedParameter: Int? = nil, width: Int? = nil) -> Int {
    let readouts = run.layer.inspection.readouts.count
    let helpRows = width.map { helpLines(run.hyperparameters, selected: selectedParameter, width: $0 - 4).count } ?? Self.helpRows
    switch detail {
    case .summary: return 5
    case .compact:
      let endRows = run.layer.inspection.readouts.prefix(2).filter { Self.labelsEnds($0) }.count
      return 2 + 3 + min(readouts, 2) + endRows + 1 + run.hyperparameters.specs.count + helpRows
    case .full:
      let endRows = run.layer.inspection.readouts.filter { Self.labelsEnds($0) }.count
      return 2 + 3 + readouts + endRows + curves(run).count + 2 + 1 + run.hyperparameters.specs.count + helpRows
    }
  }

  /// The most rows under the table for the selected hyperparameter's help.
  static let helpRows = 2

  /// The selected hyperparameter's help, wrapped to `width` columns and cut
  /// to `helpRows` rows (none when nothing is selected).
  static func helpLines(_ parameters: Hyperparameters, selected: Int?, width: Int) -> [String] {
    let specs = parameters.specs
    guard let selected, specs.indices.contains(selected), !specs[selected].help.isEmpty, width > 0 else { return [] }
    return Array(wordWrap(specs[selected].help, width: width).prefix(helpRows))
  }

  /// True when the panel labels the ends of a readout's gauge: a
  /// logarithmic range (a temperature from its T₀ down, a step size).
  static func labelsEnds(_ readout: Readout) -> Bool {
    readout.logarithmic && readout.gauge != nil
  }

  /// Draws the panel in `rect`. `selectedParameter` highlights a table row
  /// (nil: none); `fStar` is the landscape's known minimum value.
  public static func draw(
    _ run: RunView, detail: Detail, selectedParameter: Int?, fStar: Double?, into grid: inout CellGrid, rect: Rect
  ) {
    guard rect.width >= 12, rect.height >= 3 else { return }
    let colour = run.layer.style.colour
    let highlighted = selectedParameter != nil
    grid.fill(rect, with: Cell(" ", background: RGB(18, 18, 24)))
    var inside = grid.box(
      rect, title: "\(run.layer.style.glyph) \(run.layer.name)",
      style: CellStyle(foreground: highlighted ? colour : RGB(90, 90, 110)),
      titleStyle: CellStyle(foreground: colour, attributes: .bold))
    inside = inside.inset(right: 1, left: 1)
    let dim = CellStyle(foreground: RGB(150, 150, 160))
    var y = inside.y
    func line(_ text: String, _ style: CellStyle = .plain) {
      guard y < inside.maxY else { return }
      grid.text(text, x: inside.x, y: y, maxWidth: inside.width, style: style)
      y += 1
    }
    if let failure = run.failure { line("stopped: " + failure, CellStyle(foreground: RGB(240, 110, 100), attributes: .bold)) }
    let best = run.bestLoss.map(compactNumber) ?? "–"
    let gap = fStar.flatMap { f in run.bestLoss.map { compactNumber($0 - f) } }
    if detail == .summary {
      let facts = "best \(best)" + (gap.map { "  gap \($0)" } ?? "")
      // On one row when it fits; else the evaluations on a row of their own.
      if DisplayWidth.columns(of: facts) + "  evals \(run.evaluations)".count <= inside.width || inside.height < 3 {
        line(facts + "  evals \(run.evaluations)")
      } else {
        line(facts)
        line("step \(run.steps)  evals \(run.evaluations)")
      }
      sparkline(run, rows: 1, fStar: fStar, into: &grid, at: &y, inside: inside)
      return
    }
    line(run.optimizerName, dim)
    // On a plane through more than two dimensions: how far off it the best is.
    let off = run.planeDistance.map { "  off plane \(compactNumber($0))" } ?? ""
    line("step \(run.steps)  evals \(run.evaluations)" + off)
    line("best \(best)" + (gap.map { "  gap \($0)" } ?? ""))
    let readouts = run.layer.inspection.readouts.prefix(detail == .full ? Int.max : 2)
    for readout in readouts where y < inside.maxY {
      let ends = Self.labelsEnds(readout)
      let height = min(Gauge.height(range: readout.gauge, logarithmic: readout.logarithmic, labelsEnds: ends), inside.maxY - y)
      Gauge.draw(
        label: readout.symbol, value: readout.value, range: readout.gauge, logarithmic: readout.logarithmic,
        into: &grid, rect: Rect(x: inside.x, y: y, width: inside.width, height: height), labelWidth: 7, colour: colour,
        labelsEnds: ends)
      y += height
      if detail == .full && y < inside.maxY && Self.hasCurve(readout) {
        curve(readout, colour: colour, into: &grid, rect: Rect(x: inside.x, y: y, width: inside.width, height: 1))
        y += 1
      }
    }
    sparkline(run, rows: detail == .full ? 2 : 1, fStar: fStar, into: &grid, at: &y, inside: inside)
    if detail == .full {
      let counts = StepEvent.Kind.allCases.compactMap { kind in
        run.eventCounts[kind].flatMap { $0 > 0 ? "\(kind.rawValue) \($0)" : nil }
      }
      if !counts.isEmpty { line(counts.joined(separator: "  "), dim) }
    }
    // The selected hyperparameter's help under the table, when the table
    // keeps at least three rows (or all of its rows).
    let specs = run.hyperparameters.specs
    let helpLines = Self.helpLines(run.hyperparameters, selected: selectedParameter, width: inside.width)
    let room = inside.maxY - y
    let shownHelp = min(helpLines.count, max(room - min(specs.count, 3), 0))
    table(
      run.hyperparameters, selected: selectedParameter, into: &grid,
      rect: Rect(x: inside.x, y: y, width: inside.width, height: room - shownHelp))
    for (offset, text) in helpLines.prefix(shownHelp).enumerated() {
      grid.text(text, x: inside.x, y: inside.maxY - shownHelp + offset, maxWidth: inside.width, style: dim)
    }
  }

  /// The readouts whose course the full panel draws under their gauge.
  static func curves(_ run: RunView) -> [Readout] { run.layer.inspection.readouts.filter(hasCurve) }

  static func hasCurve(_ readout: Readout) -> Bool { readout.history.count >= 2 }

  /// A readout's course over the steps as a one-row braille line, beside
  /// the gauge's label column: on a log scale down to 0 for a logarithmic
  /// quantity (a temperature), so a geometric cooling falls as a straight line.
  private static func curve(_ readout: Readout, colour: RGB, into grid: inout CellGrid, rect: Rect) {
    let labelWidth = 7
    grid.text("\(readout.symbol)(k)", x: rect.x, y: rect.y, maxWidth: labelWidth - 1, style: CellStyle(foreground: RGB(150, 150, 160)))
    let floor = readout.logarithmic && readout.history.allSatisfy { $0 >= 0 } ? 0.0 : nil
    Sparkline.draw(
      readout.history, into: &grid, rect: Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: rect.height),
      colour: colour, floor: floor)
  }

  /// The highlighted table row.
  static let selectedRow = CellStyle(foreground: RGB(255, 255, 255), background: RGB(55, 65, 120), attributes: .bold)

  private static func sparkline(_ run: RunView, rows: Int, fStar: Double?, into grid: inout CellGrid, at y: inout Int, inside: Rect) {
    let height = min(rows, inside.maxY - y)
    guard height > 0, !run.historyBestLosses.isEmpty else { return }
    Sparkline.draw(
      run.historyBestLosses, into: &grid, rect: Rect(x: inside.x, y: y, width: inside.width, height: height),
      colour: run.layer.style.colour, floor: fStar)
    y += height
  }

  /// The hyperparameters as name, value and range, scrolled so that the
  /// selected row is visible; the selected row is marked ▸ on a blue bar.
  static func table(_ parameters: Hyperparameters, selected: Int?, into grid: inout CellGrid, rect: Rect) {
    let specs = parameters.specs
    guard rect.height > 0, !specs.isEmpty else { return }
    let nameWidth = min(specs.map(\.name.count).max()!, 12)
    let values = specs.indices.map { specs[$0].describe(parameters.values[$0]) }
    let valueWidth = min(values.map(\.count).max()!, 10)
    let visible = min(rect.height, specs.count)
    let focus = selected.map { min(max($0, 0), specs.count - 1) } ?? 0
    let first = min(max(focus - visible / 2, 0), specs.count - visible)
    for (offset, index) in (first..<first + visible).enumerated() {
      let y = rect.y + offset
      let isSelected = index == selected
      let marker: Character = isSelected ? "▸" : " "
      let style = isSelected ? Self.selectedRow : .plain
      if isSelected { grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
      grid.put(marker, x: rect.x, y: y, style: style)
      var x = rect.x + 2
      grid.text(specs[index].name, x: x, y: y, maxWidth: min(nameWidth, rect.maxX - x), style: style)
      x += nameWidth + 1
      grid.text(values[index], x: x, y: y, maxWidth: min(valueWidth, rect.maxX - x), style: style)
      x += valueWidth + 1
      if x < rect.maxX {
        grid.text(specs[index].describeRange(), x: x, y: y, maxWidth: rect.maxX - x, style: isSelected ? style : CellStyle(foreground: RGB(130, 130, 140)))
      }
    }
  }
}
