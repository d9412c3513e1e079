import Rendering

/// Text out of a grid: plain glyphs, or glyphs with ANSI colour escapes
/// that `cat` shows on a terminal.
public enum Export {
  /// The glyphs only, one line per row, each ending in a newline.
  ///
  /// Heat map cells (▀, whose meaning is all colour) become the shade ramp
  /// " ░▒▓█" by the luminance of their two pixels, so the landscape still
  /// reads in plain text. With `.ascii` glyphs, ASCII stand-ins replace the
  /// rest, and the heat map uses the ramp " .:-=+*#%@".
  public static func text(_ grid: CellGrid, glyphs: GlyphSet = .unicode) -> String {
    let ramp = glyphs == .ascii ? HeatMap.asciiRamp : HeatMap.shadeRamp
    var output = ""
    output.reserveCapacity(grid.width * grid.height * 3)
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        let cell = grid[x, y]
        if cell.scalar == "▀", let upper = cell.foreground {
          let luminance = upper.mixed(with: cell.background ?? upper, 0.5).luminance
          output.append(ramp[min(Int(luminance * Double(ramp.count)), ramp.count - 1)])
        } else {
          output.append(glyphs == .ascii ? GlyphFallback.ascii(cell.glyph) : cell.glyph)
        }
      }
      output += "\n"
    }
    return output
  }

  /// The glyphs with SGR escapes for colours and attributes at the depth
  /// of `profile` (256 colours by default). Every line ends with a reset,
  /// so the output is safe to `cat` and to cut into lines.
  public static func ansi(_ grid: CellGrid, profile: DisplayProfile = .standard) -> String {
    var output = ""
    output.reserveCapacity(grid.width * grid.height * 12)
    for y in 0..<grid.height {
      var current: (TerminalColour, TerminalColour, CellAttributes)? = nil
      for x in 0..<grid.width {
        let cell = grid[x, y]
        let fg = cell.foreground.map(profile.colourDepth.quantise) ?? .none
        let bg = cell.background.map(profile.colourDepth.quantise) ?? .none
        if current == nil || current! != (fg, bg, cell.attributes) {
          output += sgr(foreground: fg, background: bg, attributes: cell.attributes)
          current = (fg, bg, cell.attributes)
        }
        output.append(profile.glyphs == .ascii ? GlyphFallback.ascii(cell.glyph) : cell.glyph)
      }
      output += "\u{1B}[0m\n"
    }
    return output
  }

  /// One SGR sequence that resets and then sets everything the cell needs.
  static func sgr(foreground: TerminalColour, background: TerminalColour, attributes: CellAttributes) -> String {
    var codes = ["0"]
    if attributes.contains(.bold) { codes.append("1") }
    if attributes.contains(.dim) { codes.append("2") }
    if attributes.contains(.underline) { codes.append("4") }
    if attributes.contains(.reverse) { codes.append("7") }
    codes += colourCodes(foreground, isBackground: false)
    codes += colourCodes(background, isBackground: true)
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  static func colourCodes(_ colour: TerminalColour, isBackground: Bool) -> [String] {
    switch colour {
    case .none:
      return []
    case .rgb(let rgb):
      return [isBackground ? "48" : "38", "2", "\(rgb.red)", "\(rgb.green)", "\(rgb.blue)"]
    case .indexed(let index) where index < 16:
      let base = index < 8 ? (isBackground ? 40 : 30) : (isBackground ? 100 : 90)
      return ["\(base + Int(index % 8))"]
    case .indexed(let index):
      return [isBackground ? "48" : "38", "5", "\(index)"]
    }
  }
}
