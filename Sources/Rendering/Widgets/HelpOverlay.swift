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
  /// column is too short, a description too long for its column wraps
  /// onto the rows under it, and the blank rows between sections go when
  /// space is short. What still does not fit goes on further pages:
  /// `page` picks one (counted round, so the caller only adds or
  /// subtracts), the title says which and how to turn it. Returns the
  /// number of pages.
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
    let innerHeight = max(area.height - 2, 1)
    // The fewest columns that hold every row, while a column keeps room
    // for the keys and a useful part of the description.
    let rowCount = entries.count + 2 * sections.count - 1
    let narrowest = keyWidth + 2 + 24
    var columnCount = 1
    while columnCount < 3 && rowCount > innerHeight * columnCount
      && area.width >= (columnCount + 1) * (narrowest + 3) + 1
    {
      columnCount += 1
    }
    let entryWidth = min(naturalWidth, (area.width - 4 - 3 * (columnCount - 1)) / columnCount)
    let descriptionWidth = max(entryWidth - keyWidth - 2, 8)
    // A heading per section, its entries (each with the rows its wrapped
    // description needs), and a blank row between sections.
    var units: [[Line]] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { units.append([.blank]) }
      units.append([.heading(section.0)])
      for entry in section.1 {
        let parts = wordWrap(entry.description, width: descriptionWidth)
        units.append([.entry(entry.keys, parts.first ?? "")] + parts.dropFirst().map { Line.continuation($0) })
      }
    }
    if units.reduce(0, { $0 + $1.count }) > innerHeight * columnCount {
      units.removeAll { $0 == [.blank] }
    }
    let pages = paginate(units, capacity: innerHeight * columnCount)
    let index = (page % pages.count + pages.count) % pages.count
    let shown = pages[index]
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

    // A short last page spreads its rows over fewer columns.
    let pageColumns = max(1, min(columnCount, (shown.count + inner.height - 1) / inner.height))
    let columns = Layout.columns(inner, Array(repeating: .fill, count: pageColumns), spacing: 3)
    for (index, line) in shown.enumerated() {
      let rect = columns[min(index / inner.height, columns.count - 1)]
      let y = rect.y + index % inner.height
      let text = rect.x + keyWidth + 2
      switch line {
      case .blank:
        continue
      case .heading(let title):
        grid.text(title, x: rect.x, y: y, maxWidth: rect.width, style: CellStyle(foreground: RGB(255, 215, 95), attributes: .bold))
      case .entry(let keys, let description):
        grid.text(keys, x: rect.x, y: y, maxWidth: keyWidth, style: CellStyle(foreground: RGB(135, 215, 255), attributes: .bold))
        grid.text(description, x: text, y: y, maxWidth: rect.maxX - text)
      case .continuation(let description):
        grid.text(description, x: text, y: y, maxWidth: rect.maxX - text)
      }
    }
    return pages.count
  }

  /// Units (a heading, a blank, or an entry with its wrapped rows) cut
  /// into pages of `capacity` rows: a unit is never cut, a page never
  /// ends on a heading (it moves on with its rows), and a section cut in
  /// two repeats its heading, marked as continued, on the next page.
  private static func paginate(_ units: [[Line]], capacity: Int) -> [[Line]] {
    let all = units.flatMap { $0 }
    guard all.count > capacity, capacity >= 4 else { return [all] }
    var pages: [[Line]] = [[]]
    var section: String?
    for unit in units {
      let isHeading = unit.first?.isHeading ?? false
      if case .heading(let text) = unit.first { section = text }
      let used = pages[pages.count - 1].count
      if used + unit.count > capacity || (isHeading && used + unit.count >= capacity) {
        pages.append([])
        if case .entry = unit.first, let section { pages[pages.count - 1].append(.heading(section + " (continued)")) }
      }
      if unit == [.blank], pages[pages.count - 1].isEmpty { continue }
      pages[pages.count - 1] += unit
    }
    return pages
  }

  private enum Line: Equatable {
    case heading(String)
    /// An entry's keys and the first row of its description.
    case entry(String, String)
    /// A further row of the description above.
    case continuation(String)
    case blank

    var isHeading: Bool { if case .heading = self { true } else { false } }
  }
}
