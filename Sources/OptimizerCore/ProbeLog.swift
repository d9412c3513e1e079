/// Where an optimizer looked: every evaluated point and its loss, in order.
///
/// Stored flat (all coordinates in one array) so that logging a probe
/// allocates nothing once the log has grown to a step's size; `clear()` keeps
/// the capacity for the next step.
public struct ProbeLog: Sendable, Hashable {
  public let dimension: Int
  /// False turns logging off, for headless benchmarks.
  public var isEnabled: Bool
  private var coordinates: [Double] = []
  private var losses: [Double] = []

  public init(dimension: Int, isEnabled: Bool = true) {
    self.dimension = dimension
    self.isEnabled = isEnabled
  }

  public var count: Int { losses.count }
  public var isEmpty: Bool { losses.isEmpty }

  @inlinable public mutating func append(_ x: Vector, loss: Double) {
    guard isEnabled else { return }
    appendUnchecked(x, loss: loss)
  }

  @usableFromInline mutating func appendUnchecked(_ x: Vector, loss: Double) {
    coordinates.append(contentsOf: x.components)
    losses.append(loss)
  }

  /// Forgets every probe, keeping the storage.
  public mutating func clear() {
    coordinates.removeAll(keepingCapacity: true)
    losses.removeAll(keepingCapacity: true)
  }

  public subscript(index: Int) -> Point {
    let start = index * dimension
    return Point(position: Vector(Array(coordinates[start..<start + dimension])), loss: losses[index])
  }

  /// Every probe, oldest first.
  public var points: [Point] { (0..<count).map { self[$0] } }
}
