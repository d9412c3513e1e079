import Rendering

/// A grid as text that carries its colours and attributes, in the spirit of
/// ratatui's buffer literals: the glyph rows, then the same rows with one
/// key per cell naming its style, then what each key means.
///
/// ```
/// ┌─ Title ─┐
/// └─────────┘
/// -- styles (. is the terminal's default) --
/// aabbbbbbbaa
/// aaaaaaaaaaa
/// -- keys --
/// a: fg #808080
/// b: fg #ffd75f bold
/// ```
///
/// A key sits under its cell (a wide glyph's two cells share one), so a
/// changed colour shows in a diff at its row and column. Keys are handed out
/// in reading order; a grid drawn entirely in default colours is its glyph
/// rows alone.
public enum StyledSnapshot {
  /// The keys, in the order styles first appear; '?' stands for any style
  /// beyond them.
  static let keys = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

  /// What a cell looks like apart from its glyph.
  struct Style: Hashable {
    var foreground: RGB?
    var background: RGB?
    var attributes: CellAttributes

    init(_ cell: Cell) {
      foreground = cell.foreground
      background = cell.background
      attributes = cell.attributes
    }

    static let unstyled = Style(Cell.blank)

    /// "fg #rrggbb bg #rrggbb bold …", leaving out what is the default.
    var description: String {
      var words: [String] = []
      if let foreground { words.append("fg \(foreground.hex)") }
      if let background { words.append("bg \(background.hex)") }
      let names: [(CellAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
      words += names.filter { attributes.contains($0.0) }.map(\.1)
      return words.joined(separator: " ")
    }
  }

  /// The snapshot text of `grid`, ending in a newline.
  public static func text(of grid: CellGrid) -> String {
    let glyphs = grid.lines().joined(separator: "\n") + "\n"
    var assigned: [Style: Character] = [.unstyled: "."]
    var legend: [String] = []
    var overflow = false
    var rows: [String] = []
    for y in 0..<grid.height {
      var row = ""
      for x in 0..<grid.width {
        let style = Style(grid[x, y])
        if let key = assigned[style] {
          row.append(key)
          continue
        }
        let index = assigned.count - 1
        let key = index < keys.count ? keys[index] : "?"
        if key == "?" {
          overflow = true
        } else {
          assigned[style] = key
          legend.append("\(key): \(style.description)")
        }
        row.append(key)
      }
      rows.append(row)
    }
    guard assigned.count > 1 || overflow else { return glyphs }
    if overflow { legend.append("?: a style beyond the \(keys.count) keys") }
    return glyphs + "-- styles (. is the terminal's default) --\n" + rows.joined(separator: "\n") + "\n-- keys --\n"
      + legend.joined(separator: "\n") + "\n"
  }
}
