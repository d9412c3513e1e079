import Rendering

/// Turns a cell's colours into terminal colour numbers and a colour pair,
/// defining palette entries and pairs as they are first needed.
struct ColourResolver {
  let mode: ColourMode
  /// What stands for "the terminal's default": -1 where the terminal has
  /// default colours (use_default_colors), else white on black.
  let defaultColours: ColourPairKey
  private var palette: PaletteAllocator?
  private var pairs: ColourPairCache

  init(mode: ColourMode, pairCapacity: Int, hasDefaultColours: Bool) {
    self.mode = mode
    defaultColours =
      hasDefaultColours ? ColourPairKey(foreground: -1, background: -1) : ColourPairKey(foreground: 7, background: 0)
    if case .palette(let entries) = mode { palette = PaletteAllocator(entries: entries) }
    pairs = ColourPairCache(capacity: pairCapacity)
  }

  /// How many pairs were defined, and how many combinations had to share one.
  var pairStatistics: (defined: Int, reused: Int) { (pairs.defined.count, pairs.reused) }

  /// The colour numbers a cell shows; with a redefinable palette this counts
  /// one use of each entry (undo with `release`).
  mutating func colours(of cell: Cell, defineColour: (Int32, RGB) -> Void) -> ColourPairKey {
    ColourPairKey(
      foreground: cell.foreground.flatMap { number(for: $0, defineColour: defineColour) } ?? defaultColours.foreground,
      background: cell.background.flatMap { number(for: $0, defineColour: defineColour) } ?? defaultColours.background)
  }

  /// The colour number that shows `colour` in this mode (nil without
  /// colours: the cell keeps the default).
  private mutating func number(for colour: RGB, defineColour: (Int32, RGB) -> Void) -> Int32? {
    switch mode {
    case .none, .escapes: return nil
    case .indexed(.palette8): return Int32(XtermPalette.index8(colour))
    case .indexed(.palette16): return Int32(XtermPalette.index16(colour))
    case .indexed: return Int32(XtermPalette.index256(colour))
    case .direct: return Self.directNumber(colour)
    case .palette: return palette!.acquire(Self.paletteColour(colour), define: defineColour)
    }
  }

  /// A cell that showed `key` is gone from the screen.
  mutating func release(_ key: ColourPairKey) {
    guard palette != nil else { return }
    palette!.release(key.foreground)
    palette!.release(key.background)
  }

  /// The screen was cleared: no cell shows anything.
  mutating func releaseAll() {
    palette?.releaseAll()
  }

  /// The pair number for these colours.
  mutating func pair(for key: ColourPairKey, define: (Int32, ColourPairKey) -> Void) -> Int32 {
    if key == defaultColours { return 0 }
    let palette = self.palette, mode = self.mode
    return pairs.pair(for: key, rgb: { Self.rgb(of: $0, mode: mode, palette: palette) }, define: define)
  }

  /// The RGB a colour number shows, where it is known.
  static func rgb(of number: Int32, mode: ColourMode, palette: PaletteAllocator?) -> RGB? {
    guard number >= 0 else { return nil }
    switch mode {
    case .none, .escapes:
      return nil
    case .indexed:
      return number < 256 ? XtermPalette.colour(ofIndex: Int(number)) : nil
    case .palette:
      return number < 16 ? XtermPalette.colour(ofIndex: Int(number)) : palette?.colour(of: number)
    case .direct:
      if number < 8 { return XtermPalette.colour(ofIndex: Int(number)) }
      return RGB(
        UInt8(truncatingIfNeeded: number >> 16), UInt8(truncatingIfNeeded: number >> 8),
        UInt8(truncatingIfNeeded: number))
    }
  }

  /// The grid palette colours are rounded to: every channel to a multiple
  /// of 12, so within 6/255 of the colour asked for (the xterm cube is up
  /// to 20 off, with hue shifts). Exact bytes would make neighbouring heat
  /// map cells differ almost everywhere, and each difference costs two
  /// SGR sequences: a panned 120×40 map then takes about 77 KB a frame;
  /// on this grid about 36 KB (the goal is under 40 KB).
  static let paletteStep = 12

  /// `colour` on the palette grid.
  static func paletteColour(_ colour: RGB) -> RGB {
    func rounded(_ value: UInt8) -> UInt8 {
      UInt8(min((Int(value) + paletteStep / 2) / paletteStep * paletteStep, 255))
    }
    return RGB(rounded(colour.red), rounded(colour.green), rounded(colour.blue))
  }

  /// The 24-bit number of a colour; direct-colour terminfo entries read
  /// numbers below 8 as the ANSI colours, so near-black below 8 becomes 8.
  static func directNumber(_ colour: RGB) -> Int32 {
    max(Int32(colour.red) << 16 | Int32(colour.green) << 8 | Int32(colour.blue), 8)
  }
}
