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
  /// and the blank rows between sections go when space is short. What
  /// still does not fit goes on further pages: `page` picks one (counted
  /// round, so the caller only adds or subtracts), the title says which
  /// and how to turn it. Returns the number of pages.
  @discardableResult
  public static func draw(
    _ entries: [KeyHelp], into grid: inout CellGrid, area: Rect, title: String = "Keys (? closes)", page: Int = 0
  ) -> Int {
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
    let pages = paginate(lines, capacity: innerHeight * columnCount)
    let index = (page % pages.count + pages.count) % pages.count
    let shown = pages[index]
    let entryWidth = min(naturalWidth, (area.width - 4 - 3 * (columnCount - 1)) / columnCount)
    let natural = min(columnCount * entryWidth + (columnCount - 1) * 3 + 4, area.width)
    // A sliver of the screen beside the box would show the panels' edges.
    let width = natural >= area.width - 2 ? area.width : natural
    let tallest = pages.map(\.count).max() ?? 0
    let height = min((tallest + columnCount - 1) / columnCount + 2, area.height)
    let box = area.centered(width: width, height: height)
    grid.fill(box, with: Cell(" ", foreground: RGB(230, 230, 230), background: RGB(24, 24, 32)))
    let heading = pages.count == 1 ? title : "Keys, page \(index + 1)/\(pages.count) (space: next page)"
    let inside = grid.box(box, title: heading, style: CellStyle(foreground: RGB(140, 140, 170)))
    let inner = inside.inset(left: 1)
    guard !inner.isEmpty else { return pages.count }

    // A short last page spreads its rows over fewer, wider columns.
    let pageColumns = max(1, min(columnCount, (shown.count + inner.height - 1) / inner.height))
    let columns = Layout.columns(inner, Array(repeating: .fill, count: pageColumns), spacing: 3)
    for (index, line) in shown.enumerated() {
      let rect = columns[min(index / inner.height, columns.count - 1)]
      let y = rect.y + index % inner.height
      switch line {
      case .blank:
        continue
      case .heading(let text):
        grid.text(text, x: rect.x, y: y, maxWidth: rect.width, style: CellStyle(foreground: RGB(255, 215, 95), attributes: .bold))
      case .entry(let entry):
        grid.text(entry.keys, x: rect.x, y: y, maxWidth: keyWidth, style: CellStyle(foreground: RGB(135, 215, 255), attributes: .bold))
        grid.text(entry.description, x: rect.x + keyWidth + 2, y: y, maxWidth: rect.width - keyWidth - 2)
      }
    }
    return pages.count
  }

  /// Lines cut into pages of `capacity`: a page never ends on a heading
  /// (it moves on with its rows) and a section cut in two repeats its
  /// heading, marked as continued, at the top of the next page.
  private static func paginate(_ lines: [Line], capacity: Int) -> [[Line]] {
    guard lines.count > capacity, capacity >= 3 else { return [lines] }
    var pages: [[Line]] = [[]]
    var section: String?
    for line in lines {
      if case .heading(let text) = line { section = text }
      if pages[pages.count - 1].count == capacity
        || (pages[pages.count - 1].count == capacity - 1 && line.isHeading)
      {
        pages.append([])
        if case .entry = line, let section { pages[pages.count - 1].append(.heading(section + " (continued)")) }
      }
      if case .blank = line, pages[pages.count - 1].isEmpty { continue }
      pages[pages.count - 1].append(line)
    }
    return pages
  }

  private enum Line {
    case heading(String)
    case entry(KeyHelp)
    case blank

    var isHeading: Bool { if case .heading = self { true } else { false } }
  }
}
