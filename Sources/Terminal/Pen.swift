import Rendering

/// What the terminal draws the next glyph with: attributes and two colours,
/// as our own writer (`FrameWriter`) keeps track of them.
struct Pen: Hashable {
  var attributes: CellAttributes
  var foreground: PenColour
  var background: PenColour

  /// After SGR 0: no attributes, the terminal's default colours.
  static let normal = Pen(attributes: [], foreground: .terminalDefault, background: .terminalDefault)
}

/// One colour of a pen: the terminal's default, a palette number, or an
/// exact RGB, packed in one number so that comparing pens is cheap.
struct PenColour: Hashable {
  let code: UInt32

  static let terminalDefault = PenColour(code: 0)
  private static let indexedFlag: UInt32 = 1 << 25
  private static let rgbFlag: UInt32 = 1 << 24

  /// Palette entry `number`; -1 is the terminal's default (ncurses's pair convention).
  static func indexed(_ number: Int32) -> PenColour {
    number < 0 ? .terminalDefault : PenColour(code: indexedFlag | UInt32(number & 0xFF_FFFF))
  }

  static func rgb(_ colour: RGB) -> PenColour {
    PenColour(code: rgbFlag | UInt32(colour.red) << 16 | UInt32(colour.green) << 8 | UInt32(colour.blue))
  }

  /// The palette entry, or -1 for the default and for RGB.
  var index: Int32 { code & Self.indexedFlag != 0 ? Int32(code & 0xFF_FFFF) : -1 }

  /// The exact colour, if this is one.
  var rgb: RGB? {
    code & Self.rgbFlag != 0 ? RGB(UInt8(truncatingIfNeeded: code >> 16), UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)) : nil
  }
}
