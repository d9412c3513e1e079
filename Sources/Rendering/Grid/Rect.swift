/// A rectangle of cells: columns x..<x+width, rows y..<y+height.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  /// The rectangle at the origin with this size.
  public init(width: Int, height: Int) { self.init(x: 0, y: 0, width: width, height: height) }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public var area: Int { width * height }

  public func contains(x column: Int, y row: Int) -> Bool {
    column >= x && column < maxX && row >= y && row < maxY
  }

  /// The cells both rectangles cover (empty when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x), top = max(y, other.y)
    let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// The rectangle shrunk by a margin on every side.
  public func inset(by margin: Int) -> Rect { inset(top: margin, right: margin, bottom: margin, left: margin) }

  /// The rectangle shrunk by separate margins (never below zero size).
  public func inset(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) -> Rect {
    Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
  }

  /// A rectangle of the given size centred in this one (clipped to it).
  public func centered(width w: Int, height h: Int) -> Rect {
    let w = min(w, width), h = min(h, height)
    return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
  }

  public var description: String { "\(width)×\(height)+\(x)+\(y)" }
}
