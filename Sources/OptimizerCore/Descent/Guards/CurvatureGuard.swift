/// Three-point curvature (the design notes' "3 steps along a line"): a
/// Newton step along the move's direction d = Δ/‖Δ‖.
///
/// f is evaluated at x − h·d, x and x + h·d; the slope s = (f₊ − f₋)/2h and
/// the curvature κ = (f₊ − 2f₀ + f₋)/h² fit a parabola along the line. If
/// κ > 0 the move becomes x − (s/κ)·d, the parabola's minimum, clamped to
/// `maxStep` (default 0.25·w) from x; else the plain move stays. On a
/// quadratic the step lands on the line's minimum exactly.
///
/// h = `span`·‖Δ‖, with span = 1 by default: the forward probe is then the
/// proposed point itself, whose evaluation is shared, and the stencil
/// scales with the step, so the parabola is fitted over the distance the
/// descent is about to travel (a fixed h would fit it over noise-sized
/// distances late in a run and overlook the terrain early on). Costs one
/// evaluation beyond the move's (plus f(x) when unknown). Where the domain
/// pushes a probe off the line (a wall, an integer axis), there is no fit
/// and the plain move stays.
struct CurvatureGuard: StepGuard {
  static let name = "curvature"
  static let summary = "fit a parabola through three points along the move and step to its minimum"
  static let specs = [
    HyperparameterSpec(
      "span", symbol: "h/‖Δ‖", default: 1, range: 1e-3...10, scale: .log,
      help: "half-width of the three-point stencil, in lengths of the proposed move"),
    HyperparameterSpec(
      "maxStep", symbol: "t_max", default: 0.25, range: 1e-6...1, scale: .log, unit: .domainWidth,
      help: "the longest Newton step along the line"),
  ]

  /// The last fit's slope and curvature along d (NaN when there was none).
  private var slope = Double.nan
  private var curvature = Double.nan
  /// The last stencil: x − h·d, x, x + h·d.
  private var stencil: [Vector] = []

  init(context: StepContext) {}

  mutating func review(
    _ move: inout ProposedMove, in state: DescentState, f: inout Evaluator, rng: inout SeededGenerator
  ) {
    slope = .nan
    curvature = .nan
    stencil = []
    guard !move.isStay else { return }
    let span = state.hyperparameters["span"]
    let maxStep = state.hyperparameters["maxStep"]
    let displacement = move.displacement
    let h = span * displacement.norm
    let direction = displacement / displacement.norm
    var forward = span == 1 ? move : ProposedMove(from: move.origin, by: span * displacement, domain: f.domain)
    var backward = ProposedMove(from: move.origin, by: -span * displacement, domain: f.domain)
    guard Self.lies(forward, at: h, along: direction), Self.lies(backward, at: -h, along: direction) else { return }
    let here = move.originLoss(&f)
    forward.origin = move.origin
    backward.origin = move.origin
    let ahead = forward.targetLoss(&f)
    let behind = backward.targetLoss(&f)
    if span == 1 { move = forward }
    stencil = [backward.target, move.origin.position, forward.target]
    slope = (ahead - behind) / (2 * h)
    curvature = (ahead - 2 * here + behind) / (h * h)
    guard curvature > 0 && curvature.isFinite && slope.isFinite else { return }
    let t = min(max(-slope / curvature, -maxStep), maxStep)
    var newton = ProposedMove(from: move.origin, by: t * direction, domain: f.domain)
    newton.reuse(forward.outcome)
    newton.reuse(backward.outcome)
    move = newton
  }

  /// True when the probe sits at signed distance t along d from x, as
  /// intended (up to rounding): the domain did not push it aside.
  private static func lies(_ probe: ProposedMove, at t: Double, along direction: Vector) -> Bool {
    probe.displacement.distance(to: t * direction) <= 1e-9 * abs(t)
  }

  func inspect(into inspection: inout Inspection) {
    if stencil.count == 3 {
      inspection.overlays.append(.segment(from: stencil[0], to: stencil[2], role: .candidate))
      inspection.overlays.append(.marks(stencil, role: .candidate))
    }
    inspection.readouts.append(Readout("line-slope", symbol: "s", value: slope))
    inspection.readouts.append(Readout("line-curvature", symbol: "κ", value: curvature))
  }
}
