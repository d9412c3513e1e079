import Rendering
import Testing

@testable import Terminal

@Suite struct ColourResolverTests {
  @Test func fixedPalettesTakeTheNearestEntryAndDefaultsStayDefault() {
    var resolver = ColourResolver(mode: .indexed(.palette256), pairCapacity: 100, hasDefaultColours: true)
    let key = resolver.colours(of: Cell("x", foreground: RGB(255, 0, 0))) { _, _ in }
    #expect(key == ColourPairKey(foreground: 196, background: -1))
  }

  @Test func withoutColoursEveryCellKeepsTheDefaults() {
    var resolver = ColourResolver(mode: .none, pairCapacity: 0, hasDefaultColours: false)
    let cell = Cell("▀", foreground: RGB(255, 0, 0), background: RGB(0, 0, 255))
    #expect(resolver.colours(of: cell) { _, _ in } == ColourPairKey(foreground: 7, background: 0))
  }

  @Test func eightAndSixteenColoursTakeTheNearestAnsiColour() {
    var eight = ColourResolver(mode: .indexed(.palette8), pairCapacity: 64, hasDefaultColours: true)
    var sixteen = ColourResolver(mode: .indexed(.palette16), pairCapacity: 256, hasDefaultColours: true)
    let brightRed = Cell("x", foreground: RGB(255, 10, 10))
    #expect(eight.colours(of: brightRed) { _, _ in }.foreground == 1)
    #expect(sixteen.colours(of: brightRed) { _, _ in }.foreground == 9)
  }

  @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlack() {
    var resolver = ColourResolver(mode: .indexed(.palette8), pairCapacity: 64, hasDefaultColours: false)
    #expect(resolver.colours(of: Cell("x")) { _, _ in } == ColourPairKey(foreground: 7, background: 0))
    #expect(resolver.pair(for: ColourPairKey(foreground: 7, background: 0)) { _, _ in } == 0)
  }

  @Test func directColourNumbersAreTheRGBBytes() {
    #expect(ColourResolver.directNumber(RGB(0x12, 0x34, 0x56)) == 0x123456)
    #expect(ColourResolver.directNumber(RGB(0, 0, 3)) == 8)
    #expect(ColourResolver.rgb(of: 0x123456, mode: .direct, palette: nil) == RGB(0x12, 0x34, 0x56))
  }

  @Test func paletteColoursAreRoundedToTheGridWithinHalfAStep() {
    for value in stride(from: 0, through: 255, by: 1) {
      let rounded = ColourResolver.paletteColour(RGB(UInt8(value), 0, 255)).red
      #expect(abs(Int(rounded) - value) <= ColourResolver.paletteStep / 2)
      #expect(Int(rounded) % ColourResolver.paletteStep == 0 || rounded == 255)
    }
  }

  @Test func aRedefinedEntryIsGivenBackWhenItsLastCellGoes() {
    var resolver = ColourResolver(mode: .palette(entries: 16..<18), pairCapacity: 100, hasDefaultColours: true)
    var defined: [Int32] = []
    let first = resolver.colours(of: Cell("▀", foreground: RGB(0, 0, 0), background: RGB(240, 240, 240))) { n, _ in
      defined.append(n)
    }
    resolver.release(first)
    _ = resolver.colours(of: Cell("▀", foreground: RGB(120, 0, 0), background: RGB(0, 120, 0))) { n, _ in
      defined.append(n)
    }
    #expect(defined.count == 4)
    #expect(Set(defined) == [16, 17])
  }
}
