import Rendering

/// How cell colours become terminal colour numbers.
enum ColourMode: Sendable, Hashable {
  /// No colour: every cell in the terminal's default colours.
  case none
  /// The fixed palette at this depth (8, 16 or 256 entries).
  case indexed(ColourDepth)
  /// Colours within a few steps of exact, by redefining these palette
  /// entries (see `ColourResolver.paletteStep`).
  case palette(entries: Range<Int32>)
  /// Exact colours as 24-bit numbers.
  case direct
  /// Exact colours written as 24-bit SGR sequences past ncurses
  /// (`DirectColourWriter`): COLORTERM says the terminal takes them, while
  /// TERM's terminfo entry (xterm-256color, tmux-256color) knows none.
  case escapes
}
