/// A position with the loss observed there.
public struct Point: Sendable, Hashable, Codable {
  public var position: Vector
  public var loss: Double

  public init(position: Vector, loss: Double) {
    self.position = position
    self.loss = loss
  }
}

extension Point {
  /// True when this point is strictly better than `other` (or `other` is nil).
  /// NaN losses never win.
  public func isBetter(than other: Point?) -> Bool {
    guard let other else { return !loss.isNaN }
    return loss < other.loss || (other.loss.isNaN && !loss.isNaN)
  }
}
