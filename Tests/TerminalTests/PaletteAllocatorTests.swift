import Rendering
import Testing

@testable import Terminal

@Suite struct PaletteAllocatorTests {
  @Test func aColourKeepsItsEntryAndIsDefinedOnce() {
    var palette = PaletteAllocator(entries: 16..<256)
    var definitions: [(Int32, RGB)] = []
    let colour = RGB(68, 1, 84)
    let first = palette.acquire(colour) { definitions.append(($0, $1)) }
    let second = palette.acquire(colour) { definitions.append(($0, $1)) }
    #expect(first == second)
    #expect(definitions.count == 1)
    #expect(palette.users(of: first) == 2)
    #expect(palette.colour(of: first) == colour)
  }

  @Test func aNewColourFirstTriesTheEntryTheXtermPaletteWouldUse() {
    var palette = PaletteAllocator(entries: 16..<256)
    let colour = RGB(250, 5, 5)
    #expect(palette.acquire(colour) { _, _ in } == Int32(XtermPalette.index256(colour)))
  }

  @Test func anEntryOnScreenIsNeverRedefinedAndAReleasedOneIsReused() {
    var palette = PaletteAllocator(entries: 16..<18)
    var defined: [Int32] = []
    let a = palette.acquire(RGB(10, 10, 10)) { number, _ in defined.append(number) }
    let b = palette.acquire(RGB(200, 200, 200)) { number, _ in defined.append(number) }
    #expect(Set([a, b]) == [16, 17])
    palette.release(a)
    let c = palette.acquire(RGB(0, 0, 255)) { number, _ in defined.append(number) }
    #expect(c == a)
    #expect(palette.colour(of: b) == RGB(200, 200, 200))
    #expect(defined.count == 3)
  }

  @Test func aFullPaletteSharesTheNearestEntry() {
    var palette = PaletteAllocator(entries: 16..<18)
    let dark = palette.acquire(RGB(10, 10, 10)) { _, _ in }
    let light = palette.acquire(RGB(240, 240, 240)) { _, _ in }
    var definedAgain = false
    #expect(palette.acquire(RGB(30, 30, 30)) { _, _ in definedAgain = true } == dark)
    #expect(palette.acquire(RGB(220, 220, 220)) { _, _ in definedAgain = true } == light)
    #expect(!definedAgain)
    #expect(palette.users(of: dark) == 2)
  }

  @Test func releasingEverythingKeepsTheDefinitionsForReuse() {
    var palette = PaletteAllocator(entries: 16..<256)
    let colour = RGB(1, 2, 3)
    let entry = palette.acquire(colour) { _, _ in }
    palette.releaseAll()
    #expect(palette.users(of: entry) == 0)
    var redefined = false
    #expect(palette.acquire(colour) { _, _ in redefined = true } == entry)
    #expect(!redefined)
  }
}
