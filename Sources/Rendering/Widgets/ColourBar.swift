import OptimizerCore

/// The colour map as a bar with the loss values at its ends and middle,
/// under the scale the heat map uses (a log or rank scale's middle label is
/// far from the mean of its ends).
public enum ColourBar {
  /// Draws the bar in `rect`: vertical (high values at the top, two
  /// half-block pixels per row, labels to the right) when the rectangle is
  /// at least as tall as it is wide, else horizontal (labels underneath
  /// when there is a second row).
  public static func draw(scale: FittedScale, colourMap: ColourMap, into grid: inout CellGrid, rect: Rect) {
    guard !rect.isEmpty else { return }
    let label = CellStyle(foreground: RGB(200, 200, 200))
    func text(_ t: Double) -> String { compactNumber(scale.value(atLevel: t)) }
    if rect.height >= rect.width || rect.height >= 4 {
      let pixels = rect.height * 2
      for row in 0..<rect.height {
        let upper = 1 - Double(2 * row) / Double(pixels - 1)
        let lower = 1 - Double(2 * row + 1) / Double(pixels - 1)
        let cell = Cell("▀", foreground: colourMap.colour(at: upper), background: colourMap.colour(at: lower))
        grid.fill(Rect(x: rect.x, y: rect.y + row, width: min(2, rect.width), height: 1), with: cell)
      }
      let labelX = rect.x + 3, labelWidth = rect.width - 3
      guard labelWidth > 0 else { return }
      grid.text(text(1), x: labelX, y: rect.y, maxWidth: labelWidth, style: label)
      if rect.height >= 5 { grid.text(text(0.5), x: labelX, y: rect.y + rect.height / 2, maxWidth: labelWidth, style: label) }
      grid.text(text(0), x: labelX, y: rect.maxY - 1, maxWidth: labelWidth, style: label)
    } else {
      for column in 0..<rect.width {
        let t = rect.width > 1 ? Double(column) / Double(rect.width - 1) : 0.5
        grid[rect.x + column, rect.y] = Cell("█", foreground: colourMap.colour(at: t))
      }
      guard rect.height >= 2 else { return }
      let low = text(0), middle = text(0.5), high = text(1)
      let row = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1)
      grid.text(low, in: row, alignment: .left, style: label)
      if rect.width >= low.count + middle.count + high.count + 4 { grid.text(middle, in: row, alignment: .center, style: label) }
      if rect.width >= low.count + high.count + 2 { grid.text(high, in: row, alignment: .right, style: label) }
    }
  }
}
