/// The options every random gradient source shares: smoothed directions,
/// lookahead and shots. A source owns one `RandomProbing`, declares its
/// `specs` after its own, draws each direction through
/// `direction(_:slot:in:)`, places each probe with
/// `probe(along:distance:in:)` and averages its shots with
/// `averaged(shots:in:_:)`.
///
/// *Smoothed directions* (ρ, default 0): u_t = normalize(ρ·u_{t−1} +
/// √(1−ρ²)·ξ_t), where ξ_t is the source's fresh draw (Gaussian, Rademacher
/// signs, a scaled sphere point) and u_{t−1} the direction the same probe
/// slot used on the previous step. Both are blended as unit vectors and the
/// result takes ‖ξ_t‖, the length the source's own draws have: turning ρ
/// up changes how directions wander, never how long they are, and the
/// angle between successive directions is at most asin(√(1−ρ²)/ρ) for
/// ρ > 1/√2 (2.6° at ρ = 0.999), so a descent keeps exploring one way.
/// (Blending the raw vectors instead would let a short u_{t−1} be swamped
/// by the fresh draw.) ρ = 0 is the fresh draw itself, bit for bit.
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
  static let rho = HyperparameterSpec(
    "rho", symbol: "ρ", default: 0, range: 0...1,
    help: "direction smoothing: u ← normalize(ρ·u_prev + √(1−ρ²)·ξ); 0 draws every direction afresh")
  static let lookahead = HyperparameterSpec.flag(
    "lookahead", symbol: "look", default: false,
    help: "probe where the update rule would move (not at x + h·u), then accept or reverse")
  static let shots = HyperparameterSpec.integer(
    "shots", symbol: "shots", default: 1, range: 1...100,
    help: "independent estimates averaged per step, each costing its evaluations (variance / shots)")
  static let specs = [rho, lookahead, shots]

  /// The direction each probe slot used last, in slot order.
  private var previous: [Vector] = []
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

  /// u for probe `slot`: the fresh draw when ρ = 0 or the slot is new,
  /// else ρ·û_prev + √(1−ρ²)·f̂resh (unit vectors) rescaled to ‖fresh‖.
  /// Remembered for the slot's next draw.
  mutating func direction(_ fresh: Vector, slot: Int, in state: DescentState) -> Vector {
    let rho = state.hyperparameters["rho"]
    var u = fresh
    if rho > 0 && slot < previous.count {
      let freshLength = fresh.norm
      let previousLength = previous[slot].norm
      if freshLength > 0 && previousLength > 0 {
        u *= (1 - rho * rho).squareRoot() / freshLength
        u.add(previous[slot], scaledBy: rho / previousLength)
        let length = u.norm
        if length > 0 { u *= freshLength / length }
      }
    }
    if slot < previous.count {
      previous[slot] = u
    } else {
      previous.append(u)
    }
    return u
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
