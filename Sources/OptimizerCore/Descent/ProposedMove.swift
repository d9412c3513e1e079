/// A move from x to a target, as the step guards review it.
///
/// The update rule proposes x → project(x + Δ); each guard in turn may
/// evaluate the target, keep it or cancel the move (`stay()`). Whatever a
/// guard learns about f is kept here, so the next guard and the descent
/// itself never pay twice for the same evaluation.
struct ProposedMove: Sendable {
  /// Where the move starts: x and f(x), the loss NaN until someone
  /// evaluates it.
  var origin: Point
  /// Where the move ends, always on the domain (projected).
  private(set) var target: Vector
  /// f(target), or NaN when not evaluated yet.
  private(set) var loss: Double

  /// The move x → project(x + Δ), not yet evaluated.
  init(from origin: Point, by displacement: Vector, domain: Domain) {
    self.origin = origin
    var target = origin.position
    target.add(displacement, scaledBy: 1)
    domain.project(&target)
    self.target = target
    self.loss = .nan
  }

  /// The move x → target, a point of the domain chosen by the caller (a
  /// descent's lattice move), not yet evaluated.
  init(from origin: Point, to target: Vector) {
    self.origin = origin
    self.target = target
    self.loss = .nan
  }

  /// Δ = target − x, after projection.
  var displacement: Vector { target - origin.position }

  /// True when the move goes nowhere.
  var isStay: Bool { target == origin.position }

  /// f(x), evaluated once if nobody has yet.
  mutating func originLoss(_ f: inout Evaluator) -> Double {
    if origin.loss.isNaN { origin.loss = f.evaluate(&origin.position) }
    return origin.loss
  }

  /// f(target), evaluated once if nobody has yet.
  mutating func targetLoss(_ f: inout Evaluator) -> Double {
    if loss.isNaN { loss = f.evaluate(&target) }
    return loss
  }

  /// Takes f(target) from a point someone already evaluated there (a
  /// lookahead probe), so that nobody evaluates it again; a point elsewhere
  /// tells nothing and is ignored.
  mutating func reuse(_ known: Point) {
    if loss.isNaN && known.position == target { loss = known.loss }
  }

  /// Cancels the move: the descent stays at x.
  mutating func stay() {
    target = origin.position
    loss = origin.loss
  }

  /// Where the descent ends up: the target with its loss (NaN when unknown).
  var outcome: Point { Point(position: target, loss: loss) }
}
