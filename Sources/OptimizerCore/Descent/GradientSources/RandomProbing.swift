/// The options every random gradient source shares: smoothed directions,
/// lookahead and shots. A source owns one `RandomProbing`, declares its
/// `specs` after its own, draws each direction through
/// `direction(_:slot:in:)`, places each probe with
/// `probe(along:distance:in:)` and averages its shots with
/// `averaged(shots:in:_:)`.
///
/// *Smoothed directions* (ρ, default 0, `DirectionSmoothing`): each probe
/// slot's fresh draw (Gaussian, Rademacher signs, a scaled sphere point)
/// is blended with the direction the same slot used on the previous step,
/// u_t = normalize(ρ·u_{t−1} + √(1−ρ²)·ξ_t) at the length of ξ_t.
///
/// *Lookahead* (off by default): instead of x + h·u, the probe for u is the
/// point the update rule would move to if u proved a descent direction,
/// x + Δ(ĝ = −u), previewed on a copy of the rule. The probe's comparison
/// then decides only the sign, accept (ĝ = −u, the move lands on the probe,
/// whose loss is reused) or reverse (ĝ = +u): the probe's distance is the
/// rule's step, not h, so a difference quotient over it would mean nothing.
///
/// *Shots* (k, default 1): ĝ = (1/k) Σᵢ ĝᵢ over k independent estimates
/// from the same x, each drawing its own directions and costing its own
/// evaluations (f(x) is shared), so the estimate's variance falls as 1/k.
/// Shot i smooths its directions in slots of its own. With k > 1 the mean
/// lands where no probe was, so an accepted lookahead probe is not reused.
/// k = 1 is the single estimate itself, bit for bit.
struct RandomProbing: Sendable {
  static let lookahead = HyperparameterSpec.flag(
    "lookahead", symbol: "look", default: false,
    help: "probe where the update rule would move (not at x + h·u), then accept or reverse")
  static let shots = HyperparameterSpec.integer(
    "shots", symbol: "shots", default: 1, range: 1...100,
    help: "independent estimates averaged per step, each costing its evaluations (variance / shots)")
  static let specs = [DirectionSmoothing.spec, lookahead, shots]

  /// The direction each probe slot used last.
  private var smoothing = DirectionSmoothing()
  /// The accepted lookahead probe of the last estimate, with its loss.
  private(set) var evaluatedTarget: Point?

  /// True when the probes are lookahead probes this step.
  static func isLookahead(_ state: DescentState) -> Bool { state.hyperparameters.flag("lookahead") }

  /// Starts an estimate: forgets the last accepted lookahead probe.
  mutating func begin() { evaluatedTarget = nil }

  /// ĝ = (1/k) Σᵢ `estimate(i)` over the k = `shots` shots; one shot is
  /// returned as it is.
  static func averaged(in state: DescentState, _ estimate: (_ shot: Int) -> Vector) -> Vector {
    let shots = state.hyperparameters.integer("shots")
    var mean = estimate(0)
    guard shots > 1 else { return mean }
    for shot in 1..<shots { mean += estimate(shot) }
    return mean / Double(shots)
  }

  /// u for probe `slot`: the fresh draw smoothed with ρ
  /// (`DirectionSmoothing`), remembered for the slot's next draw.
  mutating func direction(_ fresh: Vector, slot: Int, in state: DescentState) -> Vector {
    smoothing.smooth(fresh, slot: slot, rho: state.hyperparameters["rho"])
  }

  /// Where to probe direction u: x + h·u, or with lookahead x + Δ(−u), the
  /// move the update rule would make for ĝ = −u. The evaluator projects it.
  func probe(along u: Vector, distance h: Double, in state: DescentState) -> Vector {
    var probe = state.position
    if Self.isLookahead(state) {
      probe.add(state.previewMove(for: -u), scaledBy: 1)
    } else {
      probe.add(u, scaledBy: h)
    }
    return probe
  }

  /// −1, 0 or +1: the sign of a loss difference, which is all a lookahead
  /// probe's outcome says.
  static func sign(_ difference: Double) -> Double {
    difference < 0 ? -1 : (difference > 0 ? 1 : 0)
  }

  /// Records that the estimate sends the descent onto `probe` (accepted
  /// with lookahead), so the descent reuses its loss; ignored otherwise,
  /// and with several shots, whose mean moves elsewhere.
  mutating func accept(_ probe: Point, in state: DescentState) {
    if Self.isLookahead(state) && state.hyperparameters.integer("shots") == 1 { evaluatedTarget = probe }
  }
}
