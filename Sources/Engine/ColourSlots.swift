import HeapModule

/// Which palette colours the session's runs hold, so that a new run gets
/// the lowest one no run holds, in O(log n) rather than by scanning the runs.
///
/// Every slot below `end` is held except those in `free`, so the lowest
/// free slot is `free`'s minimum, or `end` when none was given back. A
/// value type kept in the session's snapshots beside the runs, so that
/// stepping back restores it with them.
struct ColourSlots: Sendable {
  /// One past the highest slot ever handed out.
  private var end = 0
  /// Slots below `end` given back by removed runs.
  private var free = Heap<Int>()

  /// The lowest slot no run holds, now held.
  mutating func take() -> Int {
    if let slot = free.popMin() { return slot }
    end += 1
    return end - 1
  }

  /// Gives back the slot of a removed run.
  mutating func give(_ slot: Int) {
    precondition(0 <= slot && slot < end, "colour slot \(slot) was never handed out")
    free.insert(slot)
  }
}
