/// The bottom line: the mode as a badge, a few facts (speed, step), and as
/// many key hints as fit on the right.
public enum StatusLine {
  /// A key hint: `space` `pause`.
  public struct Hint: Sendable, Hashable {
    public var key: String
    public var action: String
    public init(_ key: String, _ action: String) {
      self.key = key
      self.action = action
    }
  }

  /// Draws the status line on the first row of `rect`. Facts are cut with
  /// an ellipsis when they do not fit; hints are dropped from the end.
  public static func draw(
    mode: String, modeColour: RGB = RGB(95, 215, 95), facts: [String], hints: [Hint], into grid: inout CellGrid,
    rect: Rect
  ) {
    guard !rect.isEmpty else { return }
    let background = RGB(30, 30, 38)
    grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(" ", foreground: RGB(220, 220, 220), background: background))
    var x = rect.x
    x += grid.text(" \(mode.uppercased()) ", x: x, y: rect.y, maxWidth: rect.width, style: CellStyle(foreground: RGB(0, 0, 0), background: modeColour, attributes: .bold))
    x += 1
    // Hints that fit beside the facts (or their first 24 columns),
    // measured from the right.
    let factsText = facts.joined(separator: "  ")
    let hintSpace = rect.maxX - x - min(DisplayWidth.columns(of: factsText), 24) - 1
    let hintTexts = hints.map { ($0.key, " " + $0.action) }
    var hintWidth = 0, shown = 0
    for (key, action) in hintTexts {
      let w = DisplayWidth.columns(of: key) + DisplayWidth.columns(of: action) + 2
      if hintWidth + w > hintSpace { break }
      hintWidth += w
      shown += 1
    }
    let factsWidth = rect.maxX - x - hintWidth
    grid.text(factsText, x: x, y: rect.y, maxWidth: factsWidth)
    var hx = rect.maxX - hintWidth
    for (key, action) in hintTexts.prefix(shown) {
      hx += 2
      hx += grid.text(key, x: hx, y: rect.y, style: CellStyle(foreground: RGB(135, 215, 255), attributes: .bold))
      hx += grid.text(action, x: hx, y: rect.y, style: CellStyle(foreground: RGB(160, 160, 160)))
    }
  }
}
