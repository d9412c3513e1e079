import Rendering

/// What shows frames on the terminal: the ncurses path (`FramePresenter`)
/// or our own writer (`FrameWriter`), as `OPTISCOPE_WRITER` chooses
/// (`FrameWriterChoice`).
protocol FramePresenting {
  /// Draws `grid` (cut or padded to the screen's size), sending only what changed.
  mutating func present(_ grid: CellGrid, on screen: CursesScreen)
  /// The next frame repaints everything (the terminal's picture is gone).
  mutating func invalidate()
  /// Puts back what only this presenter knows it changed, before the
  /// screen closes.
  func finish(on screen: CursesScreen)
  /// How many cells the last frame wrote.
  var lastChangedCells: Int { get }
}
