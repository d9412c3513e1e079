/// Spall's blocking (2-SPSA): evaluate x + Δ and refuse it when
/// f(x + Δ) > f_acc + t·s, where f_acc is the loss of the last accepted
/// point and s the standard deviation of the last m accepted losses (0
/// while fewer than two are known), so that a noisy Newton step cannot
/// climb far.
///
/// Costs one evaluation of each candidate; a refused one is noted as a
/// `.reject` event and drawn among the rejected marks. The origin's loss is
/// the last accepted one, evaluated again only when the descent was moved
/// from outside (a respawn, the gravity swarm's pull). Defaults m = 5,
/// t = 2.
struct BlockingGuard: StepGuard {
  static let name = "blocking"
  static let summary = "refuse a step whose loss exceeds the last accepted one by t·std of the last m"
  static let specs = [
    HyperparameterSpec.integer(
      "window", symbol: "m", default: 5, range: 2...100, help: "accepted losses whose spread sets the tolerance"),
    HyperparameterSpec(
      "tolerance", symbol: "t", default: 2, range: 0...100,
      help: "standard deviations of the last m losses a step may climb by"),
  ]

  /// The last accepted point and the losses of the last m accepted, oldest
  /// first.
  private var accepted: Vector?
  private(set) var losses: [Double] = []
  private var trail = RejectionTrail()
  /// How many steps this guard refused.
  private var blocked = 0

  init(context: StepContext) {}

  /// t·s for the recent losses: s their sample standard deviation.
  static func allowance(over losses: [Double], tolerance: Double) -> Double {
    guard losses.count > 1 else { return 0 }
    let mean = losses.reduce(0, +) / Double(losses.count)
    let variance = losses.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(losses.count - 1)
    return tolerance * variance.squareRoot()
  }

  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator
  ) {
    let window = state.hyperparameters.integer("window")
    if accepted != move.origin.position || losses.isEmpty {
      losses = [move.originLoss(&f)]
      accepted = move.origin.position
    }
    guard !move.isStay else { return }
    let last = losses[losses.count - 1]
    let after = move.targetLoss(&f)
    if after > last + Self.allowance(over: losses.suffix(window), tolerance: state.hyperparameters["tolerance"]) {
      trail.reject(move.target, from: move.origin.position, f: &f)
      blocked += 1
      if move.origin.loss.isNaN { move.origin.loss = last }
      move.stay()
      return
    }
    losses.append(after)
    if losses.count > window { losses.removeFirst(losses.count - window) }
    accepted = move.target
  }

  func inspect(into inspection: inout Inspection) {
    trail.inspect(into: &inspection)
    inspection.readouts.append(Readout("blocked", symbol: "blk", value: Double(blocked)))
  }
}
