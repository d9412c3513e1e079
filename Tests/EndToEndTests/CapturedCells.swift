/// A screen as `capture-pane -p -e` gives it, taken apart into cells: each
/// character with the colours and attributes tmux holds for it, so that two
/// screens compare cell by cell and a difference names its row and column.
struct CapturedCells: Equatable {
  /// What tmux holds for one cell: the colours as SGR spells them
  /// ("38;5;62", "31", nil for the default) and the attributes' numbers.
  struct Cell: Equatable, CustomStringConvertible {
    var character: Character
    var foreground: String?
    var background: String?
    var attributes: Set<Int>

    static let blank = Cell(character: " ", foreground: nil, background: nil, attributes: [])

    var description: String {
      "'\(character)' fg \(foreground ?? "default") bg \(background ?? "default")"
        + (attributes.isEmpty ? "" : " attributes \(attributes.sorted())")
    }
  }

  /// Rows of cells, a wide character one cell; trailing default blanks dropped.
  private(set) var rows: [[Cell]] = []

  /// The cells of a capture. tmux writes each SGR change once, so a style
  /// runs on from one row into the next.
  init(_ capture: String) {
    var style = Cell.blank
    for line in capture.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      rows.append(Self.cells(of: line, style: &style))
    }
  }

  /// The palette entries a program redefined in `output` (what it wrote
  /// to the terminal), as "rgb:RR/GG/BB" by entry: OSC 4 sets one, OSC 104
  /// puts them all back.
  static func redefinedPalette(in output: String) -> [Int: String] {
    var palette: [Int: String] = [:]
    for match in output.matches(of: #/\x1B\](4;(\d+);(rgb:[0-9A-Fa-f\/]+)|104)(\x1B\\|\x07)/#) {
      if let entry = match.2.flatMap({ Int($0) }), let colour = match.3 {
        palette[entry] = colour.lowercased()
      } else {
        palette.removeAll()
      }
    }
    return palette
  }

  /// The cells with each redefined palette entry shown as its colour:
  /// what the terminal really shows.
  func showing(_ palette: [Int: String]) -> CapturedCells {
    func resolved(_ colour: String?) -> String? {
      guard let colour, let entry = colour.split(separator: ";").last.flatMap({ Int($0) }), colour.contains(";5;"),
        let rgb = palette[entry]
      else { return colour }
      return String(colour.prefix(2)) + ";" + rgb
    }
    var copy = self
    copy.rows = rows.map { $0.map { Cell(character: $0.character, foreground: resolved($0.foreground), background: resolved($0.background), attributes: $0.attributes) } }
    return copy
  }

  /// The first cell that differs from `other`'s, said as "row r, column c: … against …".
  func firstDifference(from other: CapturedCells) -> String? {
    for row in 0..<max(rows.count, other.rows.count) {
      let mine = row < rows.count ? rows[row] : [], theirs = row < other.rows.count ? other.rows[row] : []
      for column in 0..<max(mine.count, theirs.count) {
        let a = column < mine.count ? mine[column] : .blank, b = column < theirs.count ? theirs[column] : .blank
        if a != b { return "row \(row + 1), cell \(column + 1): \(a) against \(b)" }
      }
    }
    return nil
  }

  /// One row's cells. Of a blank only the background, underline, reverse
  /// and strike-through are seen (its foreground too under the lines or in
  /// reverse), and ncurses erases runs of blanks (ECH), which tmux records
  /// with neither foreground nor attributes: the unseen rest is left out.
  private static func cells(of line: Substring, style: inout Cell) -> [Cell] {
    var cells: [Cell] = []
    var characters = line.makeIterator()
    while let character = characters.next() {
      guard character == "\u{1B}" else {
        var cell = style
        cell.character = character
        if character == " " {
          cell.attributes.formIntersection([4, 7, 9])
          if cell.attributes.isEmpty { cell.foreground = nil }
        }
        cells.append(cell)
        continue
      }
      guard characters.next() == "[" else { continue }
      var parameters = ""
      while let next = characters.next(), next != "m" { parameters.append(next) }
      apply(parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }, to: &style)
    }
    while cells.last == .blank { cells.removeLast() }
    return cells
  }

  /// SGR: reset, attributes on and off, the colours in their three spellings.
  private static func apply(_ parameters: [Int], to style: inout Cell) {
    var index = 0
    while index < parameters.count {
      let p = parameters[index]
      index += 1
      switch p {
      case 0: style = .blank
      case 1...9: style.attributes.insert(p)
      case 22: style.attributes.subtract([1, 2])
      case 23...29: style.attributes.remove(p - 20)
      case 30...37, 90...97: style.foreground = String(p)
      case 39: style.foreground = nil
      case 40...47, 100...107: style.background = String(p)
      case 49: style.background = nil
      case 38, 48:
        let count = index < parameters.count && parameters[index] == 2 ? 4 : 2
        let spelled = ([p] + parameters[index..<min(index + count, parameters.count)]).map(String.init).joined(separator: ";")
        if p == 38 { style.foreground = spelled } else { style.background = spelled }
        index += count
      default: break
      }
    }
  }
}
