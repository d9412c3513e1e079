/// Splits a rectangle into rows or columns.
///
/// Fixed lengths are served first, then fractions of the whole, and what is
/// left goes to the `fill` parts in proportion to their weights. When the
/// space is too small, later parts shrink first, down to zero.
public enum Layout {
  /// How long one part is along the split direction.
  public enum Length: Sendable, Hashable {
    /// Exactly this many cells.
    case fixed(Int)
    /// This fraction of the whole length (rounded down).
    case fraction(Double)
    /// A share of what the fixed and fractional parts leave.
    case fill(weight: Int = 1)

    public static let fill = Length.fill(weight: 1)
  }

  /// The rows of `rect`, top to bottom, with `spacing` blank rows between.
  public static func rows(_ rect: Rect, _ lengths: [Length], spacing: Int = 0) -> [Rect] {
    split(total: rect.height, lengths, spacing: spacing).map { offset, size in
      Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
    }
  }

  /// The columns of `rect`, left to right, with `spacing` blank columns between.
  public static func columns(_ rect: Rect, _ lengths: [Length], spacing: Int = 0) -> [Rect] {
    split(total: rect.width, lengths, spacing: spacing).map { offset, size in
      Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
    }
  }

  /// (offset, size) of each part along a line of `total` cells.
  static func split(total: Int, _ lengths: [Length], spacing: Int) -> [(Int, Int)] {
    guard !lengths.isEmpty else { return [] }
    let available = max(total - spacing * (lengths.count - 1), 0)
    var sizes = lengths.map { length -> Int in
      switch length {
      case .fixed(let n): return max(n, 0)
      case .fraction(let f): return max(Int(Double(available) * f), 0)
      case .fill: return 0
      }
    }
    var remaining = available - sizes.reduce(0, +)
    if remaining < 0 {
      // Too little room: take it back from the last parts first.
      for index in sizes.indices.reversed() where remaining < 0 {
        let cut = min(sizes[index], -remaining)
        sizes[index] -= cut
        remaining += cut
      }
    } else {
      let weights = lengths.map { length -> Int in
        if case .fill(let weight) = length { return max(weight, 0) }
        return 0
      }
      let totalWeight = weights.reduce(0, +)
      if totalWeight > 0 {
        var handed = 0
        var weightSoFar = 0
        for index in sizes.indices where weights[index] > 0 {
          weightSoFar += weights[index]
          // Cumulative rounding: the parts add up to exactly `remaining`.
          let share = remaining * weightSoFar / totalWeight - handed
          sizes[index] = share
          handed += share
        }
      }
    }
    var offset = 0
    return sizes.map { size in
      defer { offset += size + spacing }
      return (offset, size)
    }
  }
}
