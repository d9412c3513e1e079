/// One character cell of the screen: a glyph, its colours and attributes.
///
/// A glyph is one Unicode scalar (a character of several keeps its first).
/// Storing the scalar rather than a `Character` keeps a cell plain data, so
/// a 200×60 grid is created and copied without reference counting. A wide
/// glyph (CJK, emoji: `DisplayWidth` 2) takes its cell and the next one,
/// which holds its continuation; `CellGrid` keeps the two together.
public struct Cell: Sendable, Hashable {
  /// The glyph's one scalar.
  public var scalar: Unicode.Scalar
  /// nil: the terminal's default foreground.
  public var foreground: RGB?
  /// nil: the terminal's default background.
  public var background: RGB?
  public var attributes: CellAttributes

  public init(
    _ glyph: Character = " ", foreground: RGB? = nil, background: RGB? = nil,
    attributes: CellAttributes = []
  ) {
    self.scalar = glyph.unicodeScalars.first!
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// A cell from a scalar, for the drawing loops.
  @inlinable init(scalar: Unicode.Scalar, foreground: RGB?, background: RGB?, attributes: CellAttributes) {
    self.scalar = scalar
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The glyph; a character of several scalars keeps its first.
  public var glyph: Character {
    get { Character(scalar) }
    set { scalar = newValue.unicodeScalars.first! }
  }

  /// A space in the terminal's default colours.
  public static let blank = Cell()

  /// The columns the glyph takes: 2 for a wide glyph, 0 for a continuation.
  @inlinable public var width: Int { DisplayWidth.columns(of: scalar) }

  /// The glyph of a wide glyph's second cell: a zero-width space, so that
  /// whatever writes every cell of a row in turn (the text and ANSI
  /// exports, an asciicast) still puts each glyph in its column.
  @inlinable public static var continuationScalar: Unicode.Scalar { "\u{200B}" }

  /// True for the second cell of a wide glyph, which the terminal fills
  /// with the glyph before it.
  @inlinable public var isContinuation: Bool { scalar == Self.continuationScalar }

  /// The second cell of the wide glyph `head`: its colours, no glyph.
  static func continuation(of head: Cell) -> Cell {
    Cell(scalar: continuationScalar, foreground: head.foreground, background: head.background, attributes: head.attributes)
  }
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
    cell.scalar = glyph.unicodeScalars.first!
    if let foreground { cell.foreground = foreground }
    if let background { cell.background = background }
    cell.attributes = attributes
  }
}
