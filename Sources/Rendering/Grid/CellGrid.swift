/// A rectangle of cells that widgets draw into: the renderer's whole output.
///
/// A frame is drawn into a fresh grid and then handed to the terminal (which
/// presents the difference to the last one) or to an exporter. Every drawing
/// method clips to the grid, so a widget given too little room draws less
/// rather than trapping.
///
/// Every write keeps wide glyphs whole, as a terminal does: a wide glyph
/// takes the next cell as its continuation (at the right edge, where it
/// does not fit, it becomes a blank), and writing over either half of one
/// blanks the other half. So a continuation always follows its glyph.
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

  /// The cell at column x, row y; both must lie in the grid. Setting a
  /// wide glyph also sets its continuation in the next cell.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside \(width)×\(height)")
      return cells[y * width + x]
    }
    set {
      precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside \(width)×\(height)")
      write(newValue, at: y * width + x, x: x)
    }
  }

  /// True when (x, y) lies in the grid.
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }

  /// Writes one glyph with a style; nothing happens outside the grid.
  public mutating func put(_ glyph: Character, x: Int, y: Int, style: CellStyle = .plain) {
    guard contains(x: x, y: y) else { return }
    let index = y * width + x
    var cell = cells[index]
    style.apply(glyph, to: &cell)
    write(cell, at: index, x: x)
  }

  /// Sets every cell of `rect` (clipped to the grid) to `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      let row = y * width
      if cell.width == 1 {
        // Only a wide glyph across the edges needs mending; inside, every
        // cell is overwritten.
        releasePair(at: row + area.x, x: area.x)
        releasePair(at: row + area.maxX - 1, x: area.maxX - 1)
        for x in area.x..<area.maxX { cells[row + x] = cell }
      } else {
        for x in area.x..<area.maxX { write(cell, at: row + x, x: x) }
      }
    }
  }

  /// Writes `glyph` in `style` into every cell of `rect` (clipped).
  public mutating func fill(_ rect: Rect, glyph: Character = " ", style: CellStyle) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let narrow = DisplayWidth.columns(of: glyph.unicodeScalars.first!) == 1
    for y in area.y..<area.maxY {
      let row = y * width
      if narrow {
        releasePair(at: row + area.x, x: area.x)
        releasePair(at: row + area.maxX - 1, x: area.maxX - 1)
        for x in area.x..<area.maxX { style.apply(glyph, to: &cells[row + x]) }
      } else {
        for x in area.x..<area.maxX { put(glyph, x: x, y: y, style: style) }
      }
    }
  }

  // MARK: - Wide glyphs

  /// Writes `cell` at `index` (column x), keeping wide glyphs whole. A
  /// zero-width glyph cannot stand in a cell of its own and becomes a blank.
  @inline(__always) mutating func write(_ cell: Cell, at index: Int, x: Int) {
    // Nearly always a narrow glyph over a cell that is no half of a pair:
    // then one store, and the pair handling stays out of the inner loops.
    if cell.width == 1 && !Self.isPaired(cells[index]) {
      cells[index] = cell
    } else {
      writeAcrossPairs(cell, at: index, x: x)
    }
  }

  /// `write` when a wide glyph is written or overwritten.
  @inline(never) mutating func writeAcrossPairs(_ cell: Cell, at index: Int, x: Int) {
    releasePair(at: index, x: x)
    let columns = cell.width
    if columns == 1 {
      cells[index] = cell
    } else if columns == 2 && x + 1 < width {
      releasePair(at: index + 1, x: x + 1)
      cells[index] = cell
      cells[index + 1] = .continuation(of: cell)
    } else {
      var blank = cell
      blank.scalar = " "
      cells[index] = blank
    }
  }

  /// Before cell `index` (column x) is overwritten: when it is half of a
  /// wide glyph, the other half becomes a blank in the glyph's colours.
  @inline(__always) mutating func releasePair(at index: Int, x: Int) {
    guard Self.isPaired(cells[index]) else { return }
    if cells[index].isContinuation {
      if x > 0 { cells[index - 1].scalar = " " }
    } else if x + 1 < width {
      cells[index + 1].scalar = " "
    }
  }

  /// True for either half of a wide glyph.
  @inline(__always) static func isPaired(_ cell: Cell) -> Bool {
    // Wide glyphs and the continuation all lie at or above U+1100.
    cell.scalar.value >= 0x1100 && (cell.isContinuation || cell.width == 2)
  }

  // MARK: - Text

  /// Writes `text` on row y from column x, in at most `maxWidth` columns
  /// (and never past the grid). Each character advances by its display
  /// width (`DisplayWidth`); text that does not fit ends in an ellipsis "…".
  /// Returns the number of columns written.
  @discardableResult
  public mutating func text(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: CellStyle = .plain) -> Int {
    guard y >= 0, y < height else { return 0 }
    let limit = min(maxWidth ?? Int.max, width - x)
    guard limit > 0 else { return 0 }
    let shown = Self.fitted(text, to: limit)
    var column = x
    for character in shown {
      let columns = DisplayWidth.columns(of: character.unicodeScalars.first!)
      if column >= 0 {
        if columns > 0 { put(character, x: column, y: y, style: style) }
      } else if column + columns > 0 {
        // A wide glyph cut by the left edge: its visible half is a blank.
        put(" ", x: 0, y: y, style: style)
      }
      column += columns
    }
    return column - x
  }

  /// Where a line of text sits in its space.
  public enum Alignment: Sendable { case left, center, right }

  /// Writes `text` on the first row of `rect`, aligned inside it and cut
  /// with an ellipsis when it is too long.
  @discardableResult
  public mutating func text(_ text: String, in rect: Rect, alignment: Alignment = .left, style: CellStyle = .plain) -> Int {
    guard !rect.isEmpty else { return 0 }
    let shown = Self.fitted(text, to: rect.width)
    let columns = DisplayWidth.columns(of: shown)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = (rect.width - columns) / 2
    case .right: offset = rect.width - columns
    }
    return self.text(shown, x: rect.x + offset, y: rect.y, maxWidth: rect.width - offset, style: style)
  }

  /// `text` cut to `width` display columns, ending in "…" when it was
  /// longer; a wide glyph that would straddle the cut goes too.
  public static func fitted(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard DisplayWidth.columns(of: text) > width else { return text }
    var shown = "", used = 0
    for character in text {
      used += DisplayWidth.columns(of: character.unicodeScalars.first!)
      if used > width - 1 { break }
      shown.append(character)
    }
    return shown + "…"
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

  /// Copies `other` with its top-left corner at (x, y), clipped; a wide
  /// glyph cut in half by the clipping becomes a blank.
  public mutating func draw(_ other: CellGrid, x: Int, y: Int) {
    let left = max(x, 0), right = min(x + other.width, width)
    guard left < right else { return }
    for row in 0..<other.height where y + row >= 0 && y + row < height {
      let target = (y + row) * width, source = row * other.width + left - x
      releasePair(at: target + left, x: left)
      releasePair(at: target + right - 1, x: right - 1)
      cells.replaceSubrange(target + left..<target + right, with: other.cells[source..<source + right - left])
      if cells[target + left].isContinuation { cells[target + left].scalar = " " }
      if cells[target + right - 1].width == 2 { cells[target + right - 1].scalar = " " }
    }
  }

  /// This grid at `width`×`height`: itself when it has that size, else
  /// cut or padded with blanks (a frame for a terminal of another size).
  public func fitted(width: Int, height: Int) -> CellGrid {
    guard self.width != width || self.height != height else { return self }
    var frame = CellGrid(width: width, height: height)
    frame.draw(self, x: 0, y: 0)
    return frame
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
    write(Cell(scalar: scalar, foreground: shown, background: behind, attributes: attributes), at: index, x: x)
  }

  // MARK: - Reading back

  /// Each row's glyphs as a string, colours dropped: what tests compare.
  /// A wide glyph appears once (its continuation is left out), so a line
  /// takes as many columns on a terminal as the grid is wide.
  public func lines() -> [String] {
    (0..<height).map { y in
      var line = String.UnicodeScalarView()
      line.append(contentsOf: cells[y * width..<(y + 1) * width].lazy.filter { !$0.isContinuation }.map(\.scalar))
      return String(line)
    }
  }

  /// The glyphs of every row, joined by newlines.
  public var plainText: String { lines().joined(separator: "\n") }
}
