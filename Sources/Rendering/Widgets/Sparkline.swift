import OptimizerCore

/// A loss history as a braille line on a log scale: the best loss so far
/// against steps, squeezed into the width it is given.
public enum Sparkline {
  /// Draws `values` (oldest first) across `rect` in `colour`. `floor` is
  /// the lowest value the loss can take (f* when known): the log scale
  /// measures the gap to it. Returns false when there was nothing to draw.
  @discardableResult
  public static func draw(
    _ values: [Double], into grid: inout CellGrid, rect: Rect, colour: RGB, floor: Double? = nil
  ) -> Bool {
    guard !rect.isEmpty, values.count >= 1, let axis = LogAxis(values: values, floor: floor) else { return false }
    var canvas = BrailleCanvas(columns: rect.width, rows: rect.height)
    let columns = canvas.dotWidth, height = canvas.dotHeight
    var previous: (x: Int, y: Int)?
    for x in 0..<columns {
      // The value at the end of this column's share of the history.
      let index = values.count == 1 ? 0 : min(values.count - 1, (x + 1) * values.count / columns)
      let p = axis.position(values[index])
      guard !p.isNaN else { continue }
      let y = Int(((1 - p) * Double(height - 1)).rounded())
      let here = (x: x, y: y)
      if let previous { canvas.line(from: previous, to: here, colour: colour) } else { canvas.set(x: x, y: y, colour: colour) }
      previous = here
    }
    canvas.draw(into: &grid, x: rect.x, y: rect.y)
    return true
  }
}
