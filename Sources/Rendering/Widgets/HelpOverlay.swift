/// One row of the help: which keys do what, under a section heading.
/// The caller's key map is the one table these come from.
public struct KeyHelp: Sendable, Hashable {
  public var section: String
  public var keys: String
  public var description: String

  public init(section: String, keys: String, description: String) {
    self.section = section
    self.keys = keys
    self.description = description
  }
}

/// The full key help, drawn as a box over the middle of the screen.
public enum HelpOverlay {
  /// Draws `entries` grouped by section (in first-seen order) in a box
  /// centred in `area`. Rows flow into a second or third column when one
  /// column is too short (columns narrow to fit, descriptions end in "…"),
  /// the blank rows between sections go when space is short, and what
  /// still does not fit ends with a "… n more" row.
  public static func draw(_ entries: [KeyHelp], into grid: inout CellGrid, area: Rect, title: String = "Keys (? closes)") {
    var sections: [(String, [KeyHelp])] = []
    for entry in entries {
      if let index = sections.firstIndex(where: { $0.0 == entry.section }) {
        sections[index].1.append(entry)
      } else {
        sections.append((entry.section, [entry]))
      }
    }
    let keyWidth = min(entries.map { DisplayWidth.columns(of: $0.keys) }.max() ?? 0, 26)
    let naturalWidth = keyWidth + 2 + (entries.map { DisplayWidth.columns(of: $0.description) }.max() ?? 0)
    // A heading per section, its rows, and a blank row between sections.
    var lines: [Line] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { lines.append(.blank) }
      lines.append(.heading(section.0))
      lines += section.1.map { Line.entry($0) }
    }
    let innerHeight = max(area.height - 2, 1)
    // The fewest columns that hold every line, while a column keeps room
    // for the keys and a useful part of the description.
    let narrowest = keyWidth + 2 + 18
    var columnCount = 1
    while columnCount < 3 && lines.count > innerHeight * columnCount
      && area.width >= (columnCount + 1) * (narrowest + 3) + 1
    {
      columnCount += 1
    }
    if lines.count > innerHeight * columnCount {
      lines.removeAll { if case .blank = $0 { return true } else { return false } }
    }
    let entryWidth = min(naturalWidth, (area.width - 4 - 3 * (columnCount - 1)) / columnCount)
    let natural = min(columnCount * entryWidth + (columnCount - 1) * 3 + 4, area.width)
    // A sliver of the screen beside the box would show the panels' edges.
    let width = natural >= area.width - 2 ? area.width : natural
    let height = min((lines.count + columnCount - 1) / columnCount + 2, area.height)
    let box = area.centered(width: width, height: height)
    grid.fill(box, with: Cell(" ", foreground: RGB(230, 230, 230), background: RGB(24, 24, 32)))
    let inside = grid.box(box, title: title, style: CellStyle(foreground: RGB(140, 140, 170)))
    let inner = inside.inset(left: 1)
    guard !inner.isEmpty else { return }

    let capacity = inner.height * columnCount
    if lines.count > capacity {
      lines = Array(lines.prefix(capacity - 1))
      let shown = lines.filter { if case .entry = $0 { return true } else { return false } }.count
      lines.append(.more(entries.count - shown))
    }
    let columns = Layout.columns(inner, Array(repeating: .fill, count: columnCount), spacing: 3)
    for (index, line) in lines.enumerated() {
      let rect = columns[index / inner.height]
      let y = rect.y + index % inner.height
      switch line {
      case .blank:
        continue
      case .heading(let text):
        grid.text(text, x: rect.x, y: y, maxWidth: rect.width, style: CellStyle(foreground: RGB(255, 215, 95), attributes: .bold))
      case .entry(let entry):
        grid.text(entry.keys, x: rect.x, y: y, maxWidth: keyWidth, style: CellStyle(foreground: RGB(135, 215, 255), attributes: .bold))
        grid.text(entry.description, x: rect.x + keyWidth + 2, y: y, maxWidth: rect.width - keyWidth - 2)
      case .more(let count):
        grid.text("… \(count) more", x: rect.x, y: y, maxWidth: rect.width, style: CellStyle(foreground: RGB(150, 150, 150)))
      }
    }
  }

  private enum Line {
    case heading(String)
    case entry(KeyHelp)
    case blank
    case more(Int)
  }
}
