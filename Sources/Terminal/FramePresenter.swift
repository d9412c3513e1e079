import Rendering

/// Shows frames on a curses screen by writing only the cells that changed
/// since the frame before, then one update.
///
/// The whole screen is cleared and repainted only for the first frame and
/// after `invalidate` (a resize, a resume): never per frame. A wide glyph
/// is written once, from its first cell; the terminal fills the second.
struct FramePresenter: FramePresenting {
  let glyphs: GlyphSet
  private(set) var colours: ColourResolver
  private var previous: CellGrid? = nil
  /// The colour numbers of each cell on screen, so that a palette entry is
  /// given back when the last cell showing it changes.
  private var shown: [ColourPairKey] = []
  /// How many cells the last frame wrote.
  private(set) var lastChangedCells = 0

  init(screen: CursesScreen) {
    let capabilities = screen.capabilities
    glyphs = capabilities.profile.glyphs
    colours = ColourResolver(
      mode: capabilities.colourMode, pairCapacity: capabilities.colourPairs,
      hasDefaultColours: screen.hasDefaultColours)
  }

  /// Draws `grid` (cut or padded to the screen's size) and sends the
  /// changes to the terminal.
  mutating func present(_ grid: CellGrid, on screen: CursesScreen) {
    let (width, height) = screen.size
    let frame = grid.fitted(width: width, height: height)
    if previous?.width != width || previous?.height != height {
      previous = nil
      screen.clearOnNextUpdate()
      colours.releaseAll()
      shown = Array(repeating: colours.defaultColours, count: width * height)
    }
    let changed = GridDiff.changedCells(from: previous, to: frame)
    if colours.mode == .escapes {
      // ncurses first (a clear after a resize, its mouse mode), then the
      // cells past it.
      screen.update()
      screen.writeDirectly(DirectColourWriter.text(for: changed, of: frame, glyphs: glyphs))
      previous = frame
      lastChangedCells = changed.count
      return
    }
    for index in changed {
      let cell = frame.cells[index]
      colours.release(shown[index])
      let key = colours.colours(of: cell, defineColour: screen.defineColour)
      shown[index] = key
      // The wide glyph before a continuation already fills its column;
      // in ASCII both halves show a stand-in of one column.
      if cell.isContinuation && glyphs != .ascii { continue }
      let pair = colours.pair(for: key, define: screen.definePair)
      let scalar = glyphs == .ascii ? Self.ascii(cell.scalar) : cell.scalar
      screen.put(x: index % width, y: index / width, scalar: scalar, attributes: cell.attributes, pair: pair)
    }
    screen.update()
    previous = frame
    lastChangedCells = changed.count
  }

  /// The next frame repaints everything (the terminal's picture is gone).
  mutating func invalidate() {
    previous = nil
  }

  /// Nothing: ncurses knows what it changed and puts it back itself.
  func finish(on screen: CursesScreen) {}

  private static func ascii(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    scalar.isASCII ? scalar : GlyphFallback.ascii(Character(scalar)).unicodeScalars.first!
  }
}
