import Rendering

/// Which cells of the screen a new frame changes.
///
/// The terminal already shows `previous`; only the cells that differ in
/// `next` need writing. With no previous frame, or one of another size
/// (after a resize), every cell does.
enum GridDiff {
  /// The row-major indices (y · width + x) of the cells that differ, in order.
  static func changedCells(from previous: CellGrid?, to next: CellGrid) -> [Int] {
    guard let previous, previous.width == next.width, previous.height == next.height else {
      return Array(next.cells.indices)
    }
    var changed: [Int] = []
    previous.cells.withUnsafeBufferPointer { old in
      next.cells.withUnsafeBufferPointer { new in
        for index in 0..<new.count where old[index] != new[index] { changed.append(index) }
      }
    }
    return changed
  }
}
