/// When the loop draws, how long it may block on input, and how much time
/// a program's `advance` gets.
///
/// Frames are at least `frameInterval` apart (60 per second at most); a
/// frame is drawn only when something changed. Steps due faster than that
/// are taken between frames and only their result is drawn (frame
/// skipping). The step budget leaves room for drawing before the next
/// frame is due, from a running estimate of what a frame costs.
struct FramePacer {
  typealias Instant = ContinuousClock.Instant

  let frameInterval: Duration
  /// The least time `advance` is given, so a slow frame cannot starve it.
  let minimumBudget: Duration
  private(set) var lastFrame: Instant? = nil
  /// An exponential average of how long rendering and presenting take.
  private(set) var drawCost: Duration = .milliseconds(2)

  init(framesPerSecond: Int = 60, minimumBudget: Duration = .milliseconds(1)) {
    frameInterval = .seconds(1) / framesPerSecond
    self.minimumBudget = minimumBudget
  }

  /// The earliest time the next frame may be drawn.
  var nextFrame: Instant? { lastFrame.map { $0 + frameInterval } }

  /// True when a frame with changes may be drawn at `now`.
  func mayDraw(at now: Instant) -> Bool {
    guard let nextFrame else { return true }
    return now >= nextFrame
  }

  /// How long to wait for input before there is work: nil means until
  /// input comes (nothing is due and nothing needs drawing).
  func waitTime(now: Instant, deadline: Instant?, needsDraw: Bool) -> Duration? {
    var wake = deadline
    if needsDraw {
      let frame = nextFrame ?? now
      wake = wake.map { min($0, frame) } ?? frame
    }
    guard let wake else { return nil }
    return max(wake - now, .zero)
  }

  /// The time `advance` may take at `now`: up to the next frame, less what
  /// drawing it will cost, and never below `minimumBudget`.
  func stepBudget(now: Instant) -> Duration {
    let until = (nextFrame ?? now + frameInterval) - now
    return min(max(until - drawCost, minimumBudget), frameInterval)
  }

  /// Notes a frame drawn from `start` to `end`.
  mutating func frameDrawn(from start: Instant, to end: Instant) {
    lastFrame = start
    drawCost = (drawCost * 3 + (end - start)) / 4
  }
}
