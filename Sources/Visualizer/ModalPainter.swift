import Rendering

/// Draws pickers, text fields and questions as boxes over the middle of
/// the screen.
enum ModalPainter {
  static let frame = CellStyle(foreground: RGB(200, 200, 210), background: RGB(24, 24, 32))
  static let title = CellStyle(foreground: RGB(255, 255, 255), background: RGB(24, 24, 32), attributes: .bold)
  static let faint = CellStyle(foreground: RGB(140, 140, 150), background: RGB(24, 24, 32))
  static let chosen = CellStyle(foreground: RGB(0, 0, 0), background: RGB(135, 215, 255), attributes: .bold)
  static let key = CellStyle(foreground: RGB(135, 215, 255), background: RGB(24, 24, 32), attributes: .bold)
  static let error = CellStyle(foreground: RGB(255, 110, 110), background: RGB(24, 24, 32), attributes: .bold)

  /// A box of at most `width`×`height` centred on the grid; its inside.
  static func box(_ width: Int, _ height: Int, title text: String, into grid: inout CellGrid) -> Rect {
    let w = min(width, grid.width - 2), h = min(height, grid.height - 2)
    let rect = Rect(x: (grid.width - w) / 2, y: max(1, (grid.height - h) / 2), width: w, height: h)
    grid.fill(rect, glyph: " ", style: frame)
    return grid.box(rect, title: text, style: frame, titleStyle: title)
  }

  static func draw(_ picker: Picker, into grid: inout CellGrid) {
    let shown = picker.visible
    let inside = box(72, min(shown.count, 16) + 5, title: picker.title, into: &grid)
    guard inside.height >= 3 else { return }
    _ = grid.text("› " + picker.filter + "▏", x: inside.x, y: inside.y, maxWidth: inside.width, style: title)
    _ = grid.text(
      "type to filter · ↑ ↓ choose · enter select · esc cancel", x: inside.x, y: inside.maxY - 1,
      maxWidth: inside.width, style: faint)
    let rows = inside.height - 3
    let selection = min(picker.selection, max(shown.count - 1, 0))
    let first = max(0, selection - rows + 1)
    for (offset, item) in shown.dropFirst(first).prefix(rows).enumerated() {
      let y = inside.y + 1 + offset
      let isChosen = first + offset == selection
      let style = isChosen ? chosen : frame
      grid.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), glyph: " ", style: style)
      let nameWidth = min(24, inside.width)
      _ = grid.text(item.name, x: inside.x + 1, y: y, maxWidth: nameWidth, style: style)
      if inside.width > nameWidth + 2 {
        _ = grid.text(
          item.detail, x: inside.x + nameWidth + 2, y: y, maxWidth: inside.width - nameWidth - 2,
          style: isChosen ? style : faint)
      }
    }
    if shown.isEmpty {
      _ = grid.text("nothing matches '\(picker.filter)'", x: inside.x + 1, y: inside.y + 1, maxWidth: inside.width, style: faint)
    }
  }

  static func draw(_ entry: TextEntry, into grid: inout CellGrid) {
    // As wide as the hint and notes need, where the screen has room.
    let width = ([60, DisplayWidth.columns(of: entry.text) + 8, DisplayWidth.columns(of: entry.hint) + 2]
      + entry.notes.map { DisplayWidth.columns(of: $0) + 2 }).max()!
    let inside = box(width, 7 + entry.notes.count, title: entry.title, into: &grid)
    guard inside.height >= 4 else { return }
    let field = "› " + entry.text
    _ = grid.text(field + "▏", x: inside.x, y: inside.y, maxWidth: inside.width, style: title)
    if let problem = entry.problem {
      if let column = problem.column {
        // Under the column's character, however wide the characters before it.
        let before = DisplayWidth.columns(of: entry.text.prefix(max(column - 1, 0)))
        let caret = String(repeating: " ", count: 2 + before) + String(repeating: "^", count: problem.length)
        _ = grid.text(caret, x: inside.x, y: inside.y + 1, maxWidth: inside.width, style: error)
      }
      _ = grid.text(problem.message, x: inside.x, y: inside.y + 2, maxWidth: inside.width, style: error)
    }
    _ = grid.text(entry.hint, x: inside.x, y: inside.y + 3, maxWidth: inside.width, style: faint)
    for (offset, note) in entry.notes.enumerated() where inside.y + 4 + offset < inside.maxY - 1 {
      _ = grid.text(note, x: inside.x, y: inside.y + 4 + offset, maxWidth: inside.width, style: frame)
    }
    _ = grid.text("enter apply · esc cancel · ctrl-u clear", x: inside.x, y: inside.maxY - 1, maxWidth: inside.width, style: faint)
  }

  /// A question: its lines, then its answers as `key label` pairs.
  static func draw(_ confirmation: Confirmation, into grid: inout CellGrid) {
    let answers = confirmation.choices.map { "\($0.key)  \($0.label)" }
    let widest = max(
      confirmation.lines.map { DisplayWidth.columns(of: $0) }.max() ?? 0,
      DisplayWidth.columns(of: answers.joined(separator: "   ")))
    let inside = box(widest + 4, confirmation.lines.count + 4, title: confirmation.title, into: &grid)
    guard inside.height >= 2 else { return }
    for (offset, line) in confirmation.lines.enumerated() where inside.y + offset < inside.maxY - 1 {
      _ = grid.text(line, x: inside.x + 1, y: inside.y + offset, maxWidth: inside.width - 1, style: frame)
    }
    var x = inside.x + 1
    let y = inside.maxY - 1
    for (index, choice) in confirmation.choices.enumerated() where x < inside.maxX {
      x += index == 0 ? 0 : 3
      x += grid.text("\(choice.key)", x: x, y: y, maxWidth: max(inside.maxX - x, 0), style: key)
      x += grid.text("  \(choice.label)", x: x, y: y, maxWidth: max(inside.maxX - x, 0), style: frame)
    }
  }
}
