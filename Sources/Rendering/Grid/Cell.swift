/// One character cell of the screen: a glyph, its colours and attributes.
///
/// Every glyph is taken to be one column wide; the renderer only draws
/// glyphs for which that holds (box drawing, blocks, braille, arrows, Latin
/// text).
public struct Cell: Sendable, Hashable {
  public var glyph: Character
  /// nil: the terminal's default foreground.
  public var foreground: RGB?
  /// nil: the terminal's default background.
  public var background: RGB?
  public var attributes: CellAttributes

  public init(
    _ glyph: Character = " ", foreground: RGB? = nil, background: RGB? = nil,
    attributes: CellAttributes = []
  ) {
    self.glyph = glyph
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// A space in the terminal's default colours.
  public static let blank = Cell()
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = CellAttributes(rawValue: 1 << 0)
  public static let dim = CellAttributes(rawValue: 1 << 1)
  public static let reverse = CellAttributes(rawValue: 1 << 2)
  public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// How drawing changes a cell: each nil field leaves the cell's own value.
///
/// So a label drawn over a panel keeps the panel's background, and a marker
/// drawn over the heat map keeps the map's colour behind it.
public struct CellStyle: Sendable, Hashable {
  public var foreground: RGB?
  public var background: RGB?
  public var attributes: CellAttributes

  public init(foreground: RGB? = nil, background: RGB? = nil, attributes: CellAttributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// Leaves colours alone and sets no attribute.
  public static let plain = CellStyle()

  /// Writes `glyph` into `cell` with this style.
  @inlinable public func apply(_ glyph: Character, to cell: inout Cell) {
    cell.glyph = glyph
    if let foreground { cell.foreground = foreground }
    if let background { cell.background = background }
    cell.attributes = attributes
  }

  public func with(foreground: RGB?) -> CellStyle {
    var copy = self
    copy.foreground = foreground
    return copy
  }

  public func with(attributes: CellAttributes) -> CellStyle {
    var copy = self
    copy.attributes = attributes
    return copy
  }
}
