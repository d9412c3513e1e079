/// How one run is drawn: its colour and its particle glyph.
///
/// Runs are styled by their colour index, so that a run keeps its colour
/// when others are added or removed.
public struct RunStyle: Sendable, Hashable {
  public var colour: RGB
  public var glyph: Character

  public init(colour: RGB, glyph: Character) {
    self.colour = colour
    self.glyph = glyph
  }

  /// Bright colours that stand out on every colour map and on black.
  public static let colours: [RGB] = [
    RGB(255, 255, 255), RGB(255, 95, 95), RGB(95, 215, 255), RGB(255, 175, 0),
    RGB(255, 135, 215), RGB(175, 255, 95), RGB(190, 150, 255), RGB(255, 255, 135),
  ]

  /// One-column shapes, told apart without colour.
  public static let glyphs: [Character] = ["●", "■", "▲", "◆", "▼", "○", "□", "△"]

  /// The style of the run with this colour index (cycling past the end).
  public static func forIndex(_ index: Int) -> RunStyle {
    let i = ((index % colours.count) + colours.count) % colours.count
    return RunStyle(colour: colours[i], glyph: glyphs[(((index % glyphs.count) + glyphs.count) % glyphs.count)])
  }

  /// Accepted moves.
  public static let acceptedColour = RGB(95, 215, 95)
  /// Rejected moves.
  public static let rejectedColour = RGB(255, 80, 80)
  /// The glyph of a run's best point.
  public static let bestGlyph: Character = "★"
}
