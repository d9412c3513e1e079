/// How fast a running session steps: a ladder from 1 step per second to as
/// fast as the machine goes (the screen then skips frames).
public struct Speed: Sendable, Hashable, CustomStringConvertible {
  /// Steps per second at each rung; nil is "as fast as possible".
  static let rungs: [Double?] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, nil]

  public private(set) var rung: Int

  /// 10 steps per second: fast enough to see progress, slow enough to watch.
  public init(rung: Int = 3) { self.rung = min(max(rung, 0), Self.rungs.count - 1) }

  /// Steps per second, or nil at full speed.
  public var stepsPerSecond: Double? { Self.rungs[rung] }

  public var faster: Speed { Speed(rung: rung + 1) }
  public var slower: Speed { Speed(rung: rung - 1) }

  public var description: String {
    guard let rate = stepsPerSecond else { return "max speed" }
    return "\(Int(rate)) step\(rate == 1 ? "" : "s")/s"
  }
}
