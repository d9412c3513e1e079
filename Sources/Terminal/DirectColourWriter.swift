import Rendering

/// Cells as the bytes that draw them with exact 24-bit colours: a cursor
/// move where the next cell is not where the last one left the cursor, an
/// SGR sequence (`ESC[0;1;38;2;r;g;b;48;2;r;g;bm`) where the style changes,
/// then the glyph; the attributes are reset at the end.
///
/// For COLORTERM=truecolor terminals whose terminfo entry knows no direct
/// colour (xterm-256color, and tmux-256color inside tmux): ncurses cannot
/// send these colours there, so the frame is written past it.
enum DirectColourWriter {
  /// The text that draws the cells at `indices` (increasing) of `frame`.
  /// A wide glyph's continuation is skipped (the glyph fills its column);
  /// in ASCII each half shows its stand-in of one column.
  static func text(for indices: [Int], of frame: CellGrid, glyphs: GlyphSet) -> String {
    var text = ""
    var cursor: Int?
    var style: String?
    for index in indices {
      let cell = frame.cells[index]
      if cell.isContinuation && glyphs != .ascii { continue }
      let (x, y) = (index % frame.width, index / frame.width)
      if cursor != index { text += "\u{1B}[\(y + 1);\(x + 1)H" }
      let sgr = Self.sgr(cell)
      if sgr != style {
        text += sgr
        style = sgr
      }
      let scalar = glyphs == .ascii && !cell.scalar.isASCII ? GlyphFallback.ascii(cell.glyph).unicodeScalars.first! : cell.scalar
      text.unicodeScalars.append(scalar)
      let width = glyphs == .ascii ? 1 : max(cell.width, 1)
      // At the end of a row the cursor waits at its edge: the next cell moves it.
      cursor = x + width < frame.width ? index + width : nil
    }
    if style != nil { text += "\u{1B}[0m" }
    return text
  }

  /// The SGR sequence of a cell's style: attributes, then each colour as
  /// 38;2 (48;2) with its RGB or 39 (49), the terminal's default.
  static func sgr(_ cell: Cell) -> String {
    var parameters = ["0"]
    if cell.attributes.contains(.bold) { parameters.append("1") }
    if cell.attributes.contains(.dim) { parameters.append("2") }
    if cell.attributes.contains(.underline) { parameters.append("4") }
    if cell.attributes.contains(.reverse) { parameters.append("7") }
    parameters.append(cell.foreground.map { "38;2;\($0.red);\($0.green);\($0.blue)" } ?? "39")
    parameters.append(cell.background.map { "48;2;\($0.red);\($0.green);\($0.blue)" } ?? "49")
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }
}
