import RealModule

/// Multi-LR: tries the move Δ scaled by each of m factors, x + sⱼ·Δ with
/// sⱼ = r^(j − ⌊(m−1)/2⌋), and keeps the best of them and of not moving.
///
/// The defaults m = 3 and r = 2 try {½, 1, 2}: a step too long is halved,
/// one too short doubled, one that climbs in all three is refused. Each
/// distinct candidate costs one evaluation (the plain move's is shared with
/// any guard before or after). Ties keep the smaller scale; the best must
/// beat f(x) strictly, else the descent stays. Every candidate not taken is
/// noted as a `.reject` event; the last step's tries are drawn as
/// candidate marks on the line through x along Δ.
struct MultiLRGuard: StepGuard {
  static let name = "multi-lr"
  static let summary = "try the move scaled by ½, 1 and 2; keep the best of them and of staying"
  static let specs = [
    HyperparameterSpec.integer(
      "tries", symbol: "m", default: 3, range: 1...9,
      help: "how many scales of the move to try, centred on 1: r^-1, 1, r, … for m = 3"),
    HyperparameterSpec(
      "ratio", symbol: "r", default: 2, range: 1...100, scale: .log,
      help: "the ratio between successive scales tried"),
  ]

  /// The scales tried for m tries and ratio r, smallest first.
  static func scales(tries: Int, ratio: Double) -> [Double] {
    let lowest = (tries - 1) / 2
    return (0..<tries).map { Double.pow(ratio, $0 - lowest) }
  }

  private var trail = RejectionTrail()
  /// The last step's line (x and its farthest try) and the points tried.
  private var line: (from: Vector, to: Vector)?
  private var tried: [Vector] = []
  /// The scale taken on the last step, 0 when the descent stayed.
  private var takenScale = Double.nan

  init(context: StepContext) {}

  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator
  ) {
    tried.removeAll()
    line = nil
    guard !move.isStay else { return }
    let scales = Self.scales(tries: state.hyperparameters.integer("tries"), ratio: state.hyperparameters["ratio"])
    let before = move.originLoss(&f)
    var candidates: [(scale: Double, move: ProposedMove)] = []
    for scale in scales {
      var candidate =
        scale == 1 ? move : ProposedMove(from: move.origin, by: scale * move.displacement, domain: f.domain)
      if candidate.isStay || candidates.contains(where: { $0.move.target == candidate.target }) { continue }
      _ = candidate.targetLoss(&f)
      candidates.append((scale, candidate))
    }
    var chosen: Int?
    for index in candidates.indices where candidates[index].move.outcome.loss < before {
      if chosen.map({ candidates[index].move.outcome.loss < candidates[$0].move.outcome.loss }) ?? true {
        chosen = index
      }
    }
    for index in candidates.indices where index != chosen {
      trail.reject(candidates[index].move.target, from: move.origin.position, f: &f)
    }
    tried = candidates.map(\.move.target)
    if let last = candidates.last { line = (move.origin.position, last.move.target) }
    if let chosen {
      takenScale = candidates[chosen].scale
      move = candidates[chosen].move
    } else {
      takenScale = 0
      move.stay()
    }
  }

  func inspect(into inspection: inout Inspection) {
    if let line { inspection.overlays.append(.segment(from: line.from, to: line.to, role: .candidate)) }
    if !tried.isEmpty { inspection.overlays.append(.marks(tried, role: .candidate)) }
    trail.inspect(into: &inspection)
    inspection.readouts.append(Readout("lr-scale", symbol: "s", value: takenScale))
  }
}
