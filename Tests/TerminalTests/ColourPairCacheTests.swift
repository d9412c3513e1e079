import Rendering
import Testing

@testable import Terminal

@Suite struct ColourPairCacheTests {
  private func key(_ foreground: Int32, _ background: Int32) -> ColourPairKey {
    ColourPairKey(foreground: foreground, background: background)
  }

  private func xterm(_ number: Int32) -> RGB? {
    number < 0 ? nil : XtermPalette.colour(ofIndex: Int(number))
  }

  @Test func eachDistinctCombinationIsDefinedOnceWithItsOwnPair() {
    var cache = ColourPairCache(capacity: 100)
    var definitions: [(Int32, ColourPairKey)] = []
    let asked = [key(196, 16), key(21, 16), key(196, 16), key(-1, 21), key(21, 16), key(196, 16)]
    let pairs = asked.map { cache.pair(for: $0, rgb: xterm) { definitions.append(($0, $1)) } }
    #expect(pairs == [1, 2, 1, 3, 2, 1])
    #expect(definitions.map(\.0) == [1, 2, 3])
    #expect(definitions.map(\.1) == [key(196, 16), key(21, 16), key(-1, 21)])
  }

  @Test func theDefaultColoursArePairZeroAndNeverDefined() {
    var cache = ColourPairCache(capacity: 100)
    let pair = cache.pair(for: key(-1, -1), rgb: xterm) { _, _ in Issue.record("pair 0 must not be defined") }
    #expect(pair == 0)
  }

  @Test func whenPairsRunOutTheNearestDefinedPairIsReused() {
    // Pairs 1 and 2 fit; the third combination must share one of them.
    var cache = ColourPairCache(capacity: 3)
    var defined = 0
    _ = cache.pair(for: key(196, 16), rgb: xterm) { _, _ in defined += 1 }  // red on black
    _ = cache.pair(for: key(21, 231), rgb: xterm) { _, _ in defined += 1 }  // blue on white
    let reused = cache.pair(for: key(160, 16), rgb: xterm) { _, _ in defined += 1 }  // dark red on black
    #expect(defined == 2)
    #expect(reused == 1)
    #expect(cache.reused == 1)
  }
}
