/// A quantity's course over a whole run in at most `capacity` values, for a
/// curve on screen: every `stride`-th value is kept, and when the series is
/// full every other kept value is dropped and the stride doubles, so the
/// values always span the run from its first step at an even spacing.
public struct DecimatedSeries: Sendable, Hashable {
  public let capacity: Int
  /// The kept values, oldest first.
  public private(set) var values: [Double] = []
  /// Kept values are `stride` appended values apart.
  public private(set) var stride = 1
  /// How many values were appended.
  private var appended = 0

  /// `capacity` is rounded up to an even number of at least 2.
  public init(capacity: Int = 128) {
    self.capacity = max(2, capacity + capacity % 2)
  }

  public mutating func append(_ value: Double) {
    defer { appended += 1 }
    guard appended % stride == 0 else { return }
    if values.count == capacity {
      values = Swift.stride(from: 0, to: values.count, by: 2).map { values[$0] }
      stride *= 2
      guard appended % stride == 0 else { return }
    }
    values.append(value)
  }
}
