/// What a scene is about, shown when it opens: its title, then paragraphs
/// (the description, or one line per run saying what its optimizer does),
/// then how to close it and bring it back.
public struct Caption: Sendable, Hashable {
  public var title: String
  public var paragraphs: [String]
  public var footer: String

  public init(title: String, paragraphs: [String], footer: String) {
    self.title = title
    self.paragraphs = paragraphs
    self.footer = footer
  }
}

/// The caption as a box near the top of the map, over it, so the runs stay
/// visible below: at most 76 columns wide, paragraphs wrapped at spaces and
/// cut with "…" when the map is too short for them.
public enum CaptionPanel {
  public static let widest = 76

  public static func draw(_ caption: Caption, into grid: inout CellGrid, area: Rect) {
    let natural = ([caption.title, caption.footer] + caption.paragraphs).map { DisplayWidth.columns(of: $0) }.max() ?? 0
    let width = min(area.width - 2, widest, max(natural + 4, 30))
    guard width >= 12, area.height >= 5 else { return }
    var lines: [(text: String, style: CellStyle)] = []
    for (index, paragraph) in caption.paragraphs.enumerated() {
      if index > 0 { lines.append(("", body)) }
      lines += wordWrap(paragraph, width: width - 4).map { ($0, body) }
    }
    let room = area.height - 5  // borders, the blank row and the footer
    if lines.count > room {
      lines = Array(lines.prefix(max(room - 1, 0))) + [("…", body)]
    }
    let height = lines.count + 4
    let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
    grid.fill(box, with: Cell(" ", foreground: body.foreground, background: background))
    let inside = grid.box(box, title: caption.title, style: frame, titleStyle: title)
    for (offset, line) in lines.enumerated() {
      _ = grid.text(line.text, x: inside.x + 1, y: inside.y + offset, maxWidth: inside.width - 2, style: line.style)
    }
    _ = grid.text(caption.footer, x: inside.x + 1, y: inside.maxY - 1, maxWidth: inside.width - 2, style: faint)
  }

  static let background = RGB(24, 24, 32)
  static let body = CellStyle(foreground: RGB(225, 225, 225), background: background)
  static let title = CellStyle(foreground: RGB(255, 255, 255), background: background, attributes: .bold)
  static let frame = CellStyle(foreground: RGB(140, 140, 170), background: background)
  static let faint = CellStyle(foreground: RGB(150, 150, 165), background: background)
}
