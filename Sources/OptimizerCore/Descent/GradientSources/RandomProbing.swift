/// The two options every random gradient source shares: smoothed directions
/// and lookahead. A source owns one `RandomProbing`, declares its `specs`
/// after its own, draws each direction through `direction(_:slot:in:)` and
/// places each probe with `probe(along:distance:in:)`.
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
struct RandomProbing: Sendable {
  static let specs = [
    DirectionSmoothing.spec,
    HyperparameterSpec.flag(
      "lookahead", symbol: "look", default: false,
      help: "probe where the update rule would move (not at x + h·u), then accept or reverse"),
  ]

  /// The direction each probe slot used last.
  private var smoothing = DirectionSmoothing()
  /// The accepted lookahead probe of the last estimate, with its loss.
  private(set) var evaluatedTarget: Point?

  /// True when the probes are lookahead probes this step.
  static func isLookahead(_ state: DescentState) -> Bool { state.hyperparameters.flag("lookahead") }

  /// Starts an estimate: forgets the last accepted lookahead probe.
  mutating func begin() { evaluatedTarget = nil }

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
  /// with lookahead), so the descent reuses its loss; ignored otherwise.
  mutating func accept(_ probe: Point, in state: DescentState) {
    if Self.isLookahead(state) { evaluatedTarget = probe }
  }
}
