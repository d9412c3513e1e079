import Rendering

/// Which cells of the screen a new frame changes.
///
/// The terminal already shows `previous`; only the cells that differ in
/// `next` need writing. With no previous frame, or one of another size
/// (after a resize), every cell does.
enum GridDiff {
  /// The row-major indices (y · width + x) of the cells that differ, in
  /// order. A wide glyph comes with its continuation whenever either
  /// changed, so that the terminal redraws the glyph whole.
  static func changedCells(from previous: CellGrid?, to next: CellGrid) -> [Int] {
    guard let previous, previous.width == next.width, previous.height == next.height else {
      return Array(next.cells.indices)
    }
    var changed: [Int] = []
    previous.cells.withUnsafeBufferPointer { old in
      next.cells.withUnsafeBufferPointer { new in
        var index = 0
        while index < new.count {
          defer { index += 1 }
          guard old[index] != new[index] else { continue }
          changed.append(index)
          // A continuation copies its glyph's colours, so it can only have
          // changed along with the glyph: it is listed here, after it.
          if new[index].width == 2 {
            changed.append(index + 1)
            index += 1
          }
        }
      }
    }
    return changed
  }
}
