import Rendering

/// Our own frame writer: ncurses sets the terminal up, reads input, follows
/// resizes and puts everything back, while each frame's diff is written
/// here, in one write(2) of cursor moves, SGR changes and glyphs.
///
/// Only the cells that changed are written (`GridDiff`, and only where the
/// glyph or its colours at this depth differ), in order; the
/// cursor takes the shortest way to each (`CursorMove`), and the pen
/// changes only between cells of different styles, in one sequence
/// (`PenChange`), so a run of equal colours costs its glyphs alone.
/// Colours are numbered as on the ncurses path (`ColourResolver`: the
/// depth the `DisplayProfile` picks, a redefined palette's entries set
/// before the first cell that shows them), or sent as 24-bit SGR.
///
/// The screen is cleared by ncurses, and everything repainted, for the first
/// frame and after `invalidate` (a resize, a resume: whenever ncurses may
/// have drawn its own, blank, idea of the screen). Each frame ends with the
/// attributes reset, as ncurses leaves them. A wide glyph is written once,
/// from its first cell.
struct FrameWriter: FramePresenting {
  let glyphs: GlyphSet
  let dialect: TerminalDialect
  private(set) var colours: ColourResolver
  /// What the terminal shows: the last frame, or a blank one after a clear.
  private var previous: CellGrid?
  /// The pen of each cell on screen.
  private var shown: [Pen] = []
  private var cursor: CursorMove.Place?
  private var pen = Pen.normal
  private var bytes: [UInt8] = []
  private var scratch: [UInt8] = []
  /// How many cells the last frame wrote (a changed colour that the
  /// depth shows as before is not written).
  private(set) var lastChangedCells = 0
  /// A palette entry was redefined, which ncurses does not know of.
  private(set) var redefinedPalette = false

  init(glyphs: GlyphSet, colourMode: ColourMode, hasDefaultColours: Bool, dialect: TerminalDialect) {
    self.glyphs = glyphs
    self.dialect = dialect
    colours = ColourResolver(mode: colourMode, pairCapacity: 0, hasDefaultColours: hasDefaultColours)
  }

  /// The writer for `screen`, or nil when its terminal speaks no ECMA-48
  /// (`TerminalDialect`).
  init?(screen: CursesScreen) {
    guard let dialect = TerminalDialect.ofCurrentTerminal(colours: screen.capabilities.colours) else { return nil }
    let capabilities = screen.capabilities
    self.init(
      glyphs: capabilities.profile.glyphs, colourMode: capabilities.colourMode,
      hasDefaultColours: screen.hasDefaultColours, dialect: dialect)
  }

  mutating func present(_ grid: CellGrid, on screen: CursesScreen) {
    let (width, height) = screen.size
    let frame = grid.fitted(width: width, height: height)
    if previous?.width != width || previous?.height != height {
      // ncurses clears (and sends what it has pending: its mouse mode).
      screen.clearOnNextUpdate()
      screen.update()
      screenWasCleared(width: width, height: height)
    }
    screen.writeDirectly(self.bytes(for: frame))
  }

  mutating func invalidate() {
    previous = nil
  }

  /// The palette back as it was (terminfo's `oc`), when this writer changed it.
  func finish(on screen: CursesScreen) {
    if redefinedPalette { screen.restorePalette() }
  }

  /// The terminal shows a blank screen of this size, in the normal pen.
  mutating func screenWasCleared(width: Int, height: Int) {
    previous = CellGrid(width: width, height: height)
    colours.releaseAll()
    shown = Array(repeating: .normal, count: width * height)
    cursor = nil
    pen = .normal
  }

  /// The bytes that turn what the terminal shows into `frame`; a frame of
  /// another size is drawn on a cleared screen.
  mutating func bytes(for frame: CellGrid) -> [UInt8] {
    if previous?.width != frame.width || previous?.height != frame.height {
      screenWasCleared(width: frame.width, height: frame.height)
    }
    let before = previous!
    let changed = GridDiff.changedCells(from: before, to: frame)
    bytes.removeAll(keepingCapacity: true)
    let width = frame.width
    var definitions: [UInt8] = []
    var written = 0
    for index in changed {
      let cell = frame.cells[index]
      let old = shown[index]
      let target = takePen(for: cell, at: index, definitions: &definitions)
      if !definitions.isEmpty {
        bytes.append(contentsOf: definitions)
        definitions.removeAll(keepingCapacity: true)
        redefinedPalette = true
      }
      // Another RGB that this depth shows as the same colour: the terminal
      // already shows the cell.
      if target == old && before.cells[index].scalar == cell.scalar { continue }
      written += 1
      // The wide glyph before a continuation already fills its column; in
      // ASCII both halves show a stand-in of one column.
      if cell.isContinuation && glyphs != .ascii { continue }
      let (x, y) = (index % width, index / width)
      let move = CursorMove.shortest(from: cursor, to: (x, y)) { row, columns in
        rewriteLength(of: frame, row: row, columns: columns)
      }
      move.append(to: &bytes)
      switch move {
      case .rewrite(let cells): rewrite(frame, row: y, columns: (x - cells)..<x)
      case .lineStartRewrite(_, let cells): rewrite(frame, row: y, columns: 0..<cells)
      default: break
      }
      PenChange.append(from: pen, to: target, dialect: dialect, into: &bytes, scratch: &scratch)
      pen = target
      FrameBytes.appendUTF8(glyph(of: cell), to: &bytes)
      let columns = glyphs == .ascii ? 1 : max(cell.width, 1)
      // At the right margin the cursor's place is the terminal's to decide.
      cursor = x + columns < width ? (x + columns, y) : nil
    }
    if pen != .normal {
      PenChange.append(from: pen, to: .normal, dialect: dialect, into: &bytes, scratch: &scratch)
      pen = .normal
    }
    previous = frame
    lastChangedCells = written
    return bytes
  }

  /// The pen that draws `cell` at `index`, now counted as shown there; a
  /// palette entry it redefines adds its bytes to `definitions`.
  private mutating func takePen(for cell: Cell, at index: Int, definitions: inout [UInt8]) -> Pen {
    let pen: Pen
    switch colours.mode {
    case .none:
      pen = Pen(attributes: cell.attributes, foreground: .terminalDefault, background: .terminalDefault)
    case .direct, .escapes:
      pen = Pen(
        attributes: cell.attributes, foreground: cell.foreground.map(PenColour.rgb) ?? .terminalDefault,
        background: cell.background.map(PenColour.rgb) ?? .terminalDefault)
    case .indexed, .palette:
      let old = shown[index]
      colours.release(ColourPairKey(foreground: old.foreground.index, background: old.background.index))
      let define = dialect.paletteDefinition
      let key = colours.colours(of: cell) { number, colour in
        if let define { definitions.append(contentsOf: define(number, colour)) }
      }
      pen = Pen(attributes: cell.attributes, foreground: .indexed(key.foreground), background: .indexed(key.background))
    }
    shown[index] = pen
    return pen
  }

  /// What writing the unchanged cells at `columns` of `row` again costs,
  /// or nil unless each is one narrow glyph in the current pen.
  private func rewriteLength(of frame: CellGrid, row: Int, columns: Range<Int>) -> Int? {
    var length = 0
    for column in columns {
      let index = row * frame.width + column
      let cell = frame.cells[index]
      guard shown[index] == pen, cell.width == 1 else { return nil }
      length += FrameBytes.utf8Length(glyph(of: cell))
    }
    return length
  }

  private mutating func rewrite(_ frame: CellGrid, row: Int, columns: Range<Int>) {
    for column in columns {
      FrameBytes.appendUTF8(glyph(of: frame.cells[row * frame.width + column]), to: &bytes)
    }
  }

  private func glyph(of cell: Cell) -> Unicode.Scalar {
    glyphs == .ascii && !cell.scalar.isASCII ? GlyphFallback.ascii(cell.glyph).unicodeScalars.first! : cell.scalar
  }
}
