/// A rectangle of cells that widgets draw into: the renderer's whole output.
///
/// A frame is drawn into a fresh grid and then handed to the terminal (which
/// presents the difference to the last one) or to an exporter. Every drawing
/// method clips to the grid, so a widget given too little room draws less
/// rather than trapping.
public struct CellGrid: Sendable, Hashable {
  public let width: Int
  public let height: Int
  /// Row-major: the cell at column x, row y is `cells[y * width + x]`.
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
    precondition(width >= 0 && height >= 0, "a grid cannot have a negative size")
    self.width = width
    self.height = height
    self.cells = Array(repeating: cell, count: width * height)
  }

  /// The whole grid as a rectangle.
  public var bounds: Rect { Rect(width: width, height: height) }

  /// The cell at column x, row y; both must lie in the grid.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside \(width)×\(height)")
      return cells[y * width + x]
    }
    set {
      precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside \(width)×\(height)")
      cells[y * width + x] = newValue
    }
  }

  /// True when (x, y) lies in the grid.
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }

  /// Writes one glyph with a style; nothing happens outside the grid.
  public mutating func put(_ glyph: Character, x: Int, y: Int, style: CellStyle = .plain) {
    guard contains(x: x, y: y) else { return }
    style.apply(glyph, to: &cells[y * width + x])
  }

  /// Sets every cell of `rect` (clipped to the grid) to `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let area = rect.intersection(bounds)
    for y in area.y..<area.maxY {
      let row = y * width
      for x in area.x..<area.maxX { cells[row + x] = cell }
    }
  }

  /// Writes `glyph` in `style` into every cell of `rect` (clipped).
  public mutating func fill(_ rect: Rect, glyph: Character = " ", style: CellStyle) {
    let area = rect.intersection(bounds)
    for y in area.y..<area.maxY {
      let row = y * width
      for x in area.x..<area.maxX { style.apply(glyph, to: &cells[row + x]) }
    }
  }

  // MARK: - Text

  /// Writes `text` on row y from column x, in at most `maxWidth` columns
  /// (and never past the grid). Text that does not fit ends in an ellipsis
  /// "…". Returns the number of columns written.
  @discardableResult
  public mutating func text(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: CellStyle = .plain) -> Int {
    guard y >= 0, y < height else { return 0 }
    let limit = min(maxWidth ?? Int.max, width - x)
    guard limit > 0 else { return 0 }
    let shown = Self.fitted(text, to: limit)
    var column = x
    for character in shown {
      if column >= 0 { style.apply(character, to: &cells[y * width + column]) }
      column += 1
    }
    return shown.count
  }

  /// Where a line of text sits in its space.
  public enum Alignment: Sendable { case left, center, right }

  /// Writes `text` on the first row of `rect`, aligned inside it and cut
  /// with an ellipsis when it is too long.
  @discardableResult
  public mutating func text(_ text: String, in rect: Rect, alignment: Alignment = .left, style: CellStyle = .plain) -> Int {
    guard !rect.isEmpty else { return 0 }
    let shown = Self.fitted(text, to: rect.width)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = (rect.width - shown.count) / 2
    case .right: offset = rect.width - shown.count
    }
    return self.text(shown, x: rect.x + offset, y: rect.y, maxWidth: rect.width - offset, style: style)
  }

  /// `text` cut to `width` columns, ending in "…" when it was longer.
  public static func fitted(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard text.count > width else { return text }
    return String(text.prefix(width - 1)) + "…"
  }

  // MARK: - Lines and boxes

  /// A horizontal run of `glyph` from (x, y), `length` cells long.
  public mutating func horizontalLine(x: Int, y: Int, length: Int, glyph: Character = "─", style: CellStyle = .plain) {
    for column in x..<x + max(length, 0) { put(glyph, x: column, y: y, style: style) }
  }

  /// A vertical run of `glyph` from (x, y), `length` cells long.
  public mutating func verticalLine(x: Int, y: Int, length: Int, glyph: Character = "│", style: CellStyle = .plain) {
    for row in y..<y + max(length, 0) { put(glyph, x: x, y: row, style: style) }
  }

  /// A frame of box-drawing characters around the edge of `rect`, with an
  /// optional title set into the top edge ("┌─ Title ──┐"). Returns the
  /// inside of the box.
  @discardableResult
  public mutating func box(_ rect: Rect, title: String? = nil, style: CellStyle = .plain, titleStyle: CellStyle? = nil) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
    let right = rect.maxX - 1, bottom = rect.maxY - 1
    horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style)
    horizontalLine(x: rect.x + 1, y: bottom, length: rect.width - 2, style: style)
    verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style)
    verticalLine(x: right, y: rect.y + 1, length: rect.height - 2, style: style)
    put("┌", x: rect.x, y: rect.y, style: style)
    put("┐", x: right, y: rect.y, style: style)
    put("└", x: rect.x, y: bottom, style: style)
    put("┘", x: right, y: bottom, style: style)
    if let title, !title.isEmpty, rect.width >= 5 {
      // "┌─ " + title + " ─┐": the title gets what the corners leave.
      text(" " + Self.fitted(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 3, style: titleStyle ?? style)
    }
    return rect.inset(by: 1)
  }

  /// Copies `other` with its top-left corner at (x, y), clipped.
  public mutating func draw(_ other: CellGrid, x: Int, y: Int) {
    let left = max(x, 0), right = min(x + other.width, width)
    guard left < right else { return }
    for row in 0..<other.height where y + row >= 0 && y + row < height {
      let target = (y + row) * width, source = row * other.width + left - x
      cells.replaceSubrange(target + left..<target + right, with: other.cells[source..<source + right - left])
    }
  }

  // MARK: - Markers over the map

  /// What the eye sees behind a cell's glyph: for a heat map cell (▀) the
  /// mean of its two pixels, else its background (nil: the terminal's).
  static func backdrop(of cell: Cell) -> RGB? {
    if cell.scalar == "▀", let upper = cell.foreground {
      return upper.blended(with: cell.background ?? upper, weight: 128)
    }
    return cell.background
  }

  /// Draws a marker glyph over whatever is there: the cell keeps what the
  /// eye saw behind it as its background. `faint` ∈ [0, 1] fades the
  /// colour into that backdrop (black where the terminal's background shows).
  mutating func stamp(
    _ glyph: Character, x: Int, y: Int, colour: RGB, faint: Double = 0, attributes: CellAttributes = []
  ) {
    stamp(glyph.unicodeScalars.first!, x: x, y: y, colour: colour, fade: Int(faint * 256), attributes: attributes)
  }

  /// `stamp` with the fade as a weight in 0…256, for the inner loops.
  mutating func stamp(_ scalar: Unicode.Scalar, x: Int, y: Int, colour: RGB, fade: Int, attributes: CellAttributes = []) {
    guard contains(x: x, y: y) else { return }
    let index = y * width + x
    let behind = Self.backdrop(of: cells[index])
    let shown = fade > 0 ? colour.blended(with: behind ?? RGB(0, 0, 0), weight: fade) : colour
    cells[index] = Cell(scalar: scalar, foreground: shown, background: behind, attributes: attributes)
  }

  // MARK: - Reading back

  /// Each row's glyphs as a string, colours dropped: what tests compare.
  public func lines() -> [String] {
    (0..<height).map { y in
      var line = String.UnicodeScalarView()
      line.append(contentsOf: cells[y * width..<(y + 1) * width].lazy.map(\.scalar))
      return String(line)
    }
  }

  /// The glyphs of every row, joined by newlines.
  public var plainText: String { lines().joined(separator: "\n") }
}
