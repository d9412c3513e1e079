import Rendering

/// Colour pairs made once each: every distinct (foreground, background)
/// gets its own pair number, defined through `define` the first time it is
/// asked for (ncurses's `init_extended_pair`).
///
/// Pair 0 is the terminal's default colours and is never redefined. When
/// the terminal has no pair numbers left, a new combination reuses the
/// existing pair whose colours are nearest (squared RGB distance of both
/// halves): the colours are quantised more coarsely rather than redefining
/// a pair that cells on screen still show.
struct ColourPairCache {
  /// Pair numbers 1..<capacity may be defined.
  let capacity: Int
  private(set) var pairs: [ColourPairKey: Int32] = [:]
  /// The combinations that were given a pair of their own, by pair number.
  private(set) var defined: [ColourPairKey] = []
  /// How many combinations were served by a nearby pair.
  private(set) var reused = 0

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// The pair number for `key`, defining it when it is new. `rgb` tells
  /// what a colour number shows (nil: the terminal's default colour, whose
  /// RGB is unknown), for the nearest-pair fallback.
  mutating func pair(
    for key: ColourPairKey, rgb: (Int32) -> RGB?, define: (Int32, ColourPairKey) -> Void
  ) -> Int32 {
    if key.foreground < 0 && key.background < 0 { return 0 }
    if let pair = pairs[key] { return pair }
    let pair: Int32
    if defined.count + 1 < capacity {
      defined.append(key)
      pair = Int32(defined.count)
      define(pair, key)
    } else {
      pair = nearestDefinedPair(to: key, rgb: rgb)
      reused += 1
    }
    pairs[key] = pair
    return pair
  }

  /// Forgets every pair (the terminal's palette changed meaning).
  mutating func removeAll() {
    pairs.removeAll(keepingCapacity: true)
    defined.removeAll(keepingCapacity: true)
    reused = 0
  }

  private func nearestDefinedPair(to key: ColourPairKey, rgb: (Int32) -> RGB?) -> Int32 {
    func distance(_ a: Int32, _ b: Int32) -> Int { Self.distance(rgb(a), rgb(b), same: a == b) }
    var best: Int32 = 0
    var bestDistance = distance(key.foreground, -1) + distance(key.background, -1)
    for (offset, candidate) in defined.enumerated() {
      let d = distance(key.foreground, candidate.foreground) + distance(key.background, candidate.background)
      if d < bestDistance { (best, bestDistance) = (Int32(offset + 1), d) }
    }
    return best
  }

  /// Squared RGB distance; a default colour is near only to itself.
  private static func distance(_ x: RGB?, _ y: RGB?, same: Bool) -> Int {
    if same { return 0 }
    guard let x, let y else { return 3 * 255 * 255 + 1 }
    let dr = Int(x.red) - Int(y.red), dg = Int(x.green) - Int(y.green), db = Int(x.blue) - Int(y.blue)
    return dr * dr + dg * dg + db * db
  }
}
