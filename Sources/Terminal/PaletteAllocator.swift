import Rendering

/// Exact colours on a terminal whose palette can be redefined: each RGB on
/// screen gets a palette entry of its own, set with `init_extended_color`.
///
/// Entries are counted by the cells on screen that use them, so an entry
/// is redefined only once nothing shows it. A new colour first tries the
/// entry that the xterm palette would have used anyway (so a terminal that
/// claims a redefinable palette but ignores the request still shows a near
/// colour), then the free entry unused the longest. When every entry is in
/// use, the colour shares the entry nearest to it: the frame is quantised
/// to the palette's size.
struct PaletteAllocator {
  /// The entries this allocator may redefine (16 and up: the ANSI sixteen
  /// are left to the user's theme).
  let entries: Range<Int32>
  private var entryOf: [RGB: Int32] = [:]
  private var colours: [RGB?]
  private var users: [Int]
  private var lastReleased: [UInt64]
  private var clock: UInt64 = 0

  init(entries: Range<Int32>) {
    precondition(!entries.isEmpty, "a palette allocator needs at least one entry")
    self.entries = entries
    colours = Array(repeating: nil, count: entries.count)
    users = Array(repeating: 0, count: entries.count)
    lastReleased = Array(repeating: 0, count: entries.count)
  }

  /// The colour that entry `number` was defined as, if any.
  func colour(of number: Int32) -> RGB? {
    entries.contains(number) ? colours[Int(number - entries.lowerBound)] : nil
  }

  /// How many cells on screen use entry `number`.
  func users(of number: Int32) -> Int {
    entries.contains(number) ? users[Int(number - entries.lowerBound)] : 0
  }

  /// The entry that shows `colour`, counted as one more use; `define` is
  /// called when an entry gets a new colour.
  mutating func acquire(_ colour: RGB, define: (Int32, RGB) -> Void) -> Int32 {
    if let number = entryOf[colour] {
      users[Int(number - entries.lowerBound)] += 1
      return number
    }
    guard let slot = freeSlot(preferring: colour) else {
      let slot = nearestSlot(to: colour)
      users[slot] += 1
      return entries.lowerBound + Int32(slot)
    }
    if let old = colours[slot] { entryOf[old] = nil }
    colours[slot] = colour
    users[slot] = 1
    let number = entries.lowerBound + Int32(slot)
    entryOf[colour] = number
    define(number, colour)
    return number
  }

  /// One use of entry `number` fewer (a cell showing it changed).
  mutating func release(_ number: Int32) {
    guard entries.contains(number) else { return }
    let slot = Int(number - entries.lowerBound)
    guard users[slot] > 0 else { return }
    users[slot] -= 1
    clock += 1
    lastReleased[slot] = clock
  }

  /// No cell shows any entry (the screen was cleared); the definitions stay
  /// and are reused when their colours come back.
  mutating func releaseAll() {
    for slot in users.indices where users[slot] > 0 {
      users[slot] = 0
      clock += 1
      lastReleased[slot] = clock
    }
  }

  /// An unused slot: the xterm entry nearest `colour` if it is free, else
  /// the one released the longest ago (never-used ones first).
  private func freeSlot(preferring colour: RGB) -> Int? {
    let preferred = Int32(XtermPalette.index256(colour))
    if entries.contains(preferred), users[Int(preferred - entries.lowerBound)] == 0 {
      return Int(preferred - entries.lowerBound)
    }
    var best: Int? = nil
    for slot in users.indices where users[slot] == 0 {
      if best == nil || lastReleased[slot] < lastReleased[best!] { best = slot }
    }
    return best
  }

  private func nearestSlot(to colour: RGB) -> Int {
    var best = 0, bestDistance = Int.max
    for (slot, defined) in colours.enumerated() {
      guard let defined else { continue }
      let dr = Int(colour.red) - Int(defined.red), dg = Int(colour.green) - Int(defined.green)
      let db = Int(colour.blue) - Int(defined.blue)
      let distance = dr * dr + dg * dg + db * db
      if distance < bestDistance { (best, bestDistance) = (slot, distance) }
    }
    return best
  }
}
