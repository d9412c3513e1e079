import OptimizerCore

/// What the sub-step panel shows: one stage of a run's next iteration.
public struct StageContent: Sendable, Hashable {
  /// The run and the iteration: `run 1 adam · step 3 → 4`.
  public var title: String
  public var stage: InspectionStage
  /// The stage shown, 0-based, and how many there are.
  public var index: Int
  public var count: Int
  /// The run's colour, for the stage's geometry on the map.
  public var colour: RGB

  public init(title: String, stage: InspectionStage, index: Int, count: Int, colour: RGB) {
    self.title = title
    self.stage = stage
    self.index = index
    self.count = count
    self.colour = colour
  }
}

/// Draws one stage of an update taken apart in the side bar, in place of
/// the run panels:
///
///     ┌─ run 1 adam · step 3 → 4 ──────┐
///     │ stage 3 of 5 · Adam scaling     │
///     │ bias-corrected M = m/(1 − β₁ᵗ), …│
///     │                                 │
///     │ t     4                         │
///     │ M     (0.41, -1.2)              │
///     │ ...                             │
///     │ → next  ← back  esc leave       │
///     └─────────────────────────────────┘
///
/// Numbers have six significant digits; what does not fit is cut from the
/// bottom, above the keys.
public enum StagePanel {
  public static func draw(_ content: StageContent, into grid: inout CellGrid, rect: Rect) {
    guard rect.width >= 16, rect.height >= 5 else { return }
    grid.fill(rect, with: Cell(" ", background: RGB(18, 18, 24)))
    let inside = grid.box(
      rect, title: content.title, style: CellStyle(foreground: RGB(110, 110, 130)),
      titleStyle: CellStyle(foreground: RGB(230, 230, 240), attributes: .bold))
    let heading = CellStyle(foreground: RGB(255, 230, 120), attributes: .bold)
    let formula = CellStyle(foreground: RGB(190, 210, 255))
    let label = CellStyle(foreground: RGB(150, 150, 165))
    var lines: [(String, String?, CellStyle)] = [
      ("stage \(content.index + 1) of \(content.count) · \(content.stage.name)", nil, heading)
    ]
    for line in wordWrap(content.stage.formula, width: inside.width) { lines.append((line, nil, formula)) }
    lines.append(("", nil, label))
    let symbolWidth = min(content.stage.values.map { DisplayWidth.columns(of: $0.symbol) }.max() ?? 0, inside.width / 2)
    for value in content.stage.values { lines.append((value.symbol, text(of: value), label)) }
    // The shorter form when the panel is narrower than the full one.
    let full = "→ next  ← back  [ ] particle  esc leave", short = "→ ← stages  [ ] particle  esc leave"
    let keys = DisplayWidth.columns(of: full) <= inside.width ? full : short
    let rows = inside.height - 1
    for (offset, (first, second, style)) in lines.prefix(rows).enumerated() {
      let y = inside.y + offset
      let used = grid.text(first, x: inside.x, y: y, maxWidth: inside.width, style: style)
      if let second {
        let x = inside.x + max(symbolWidth, used) + 2
        grid.text(second, x: x, y: y, maxWidth: inside.maxX - x)
      }
    }
    grid.text(keys, x: inside.x, y: inside.maxY - 1, maxWidth: inside.width, style: label)
  }

  /// A number to six significant digits, a vector as (a, b), a fact as it is.
  public static func text(of value: StageValue) -> String {
    switch value {
    case .number(_, let number): return formatNumber(number)
    case .vector(_, let vector): return "(" + vector.components.map { formatNumber($0) }.joined(separator: ", ") + ")"
    case .fact(_, let words): return words
    }
  }
}
