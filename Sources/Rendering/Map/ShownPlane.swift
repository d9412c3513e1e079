import OptimizerCore
import ViewModel

/// The plane a frame shows of a landscape of more than two dimensions:
/// the view's `MapPlane` looked up in the frame's runs (the point it
/// passes through is found again every frame, so the plane follows it),
/// and the words the header and the status line say of it. A landscape of
/// two dimensions shows no plane: its map is its own two axes.
public struct ShownPlane: Sendable, Hashable {
  public var geometry: PlaneGeometry
  /// "plane x3,x7 through run 1's best".
  public var summary: String

  /// The plane of `plane` in this frame, `selectedRun` (an id; nil: the
  /// first run) being the run whose best it passes through and whose
  /// trajectory the principal basis fits. Nil on two dimensions or fewer.
  public init?(_ plane: MapPlane, content: FrameContent, selectedRun: Int?) {
    let domain = content.landscape.domain
    let n = domain.dimension
    guard n > 2 else { return nil }
    let axes = plane.axes(in: n)
    let selected = content.runs.first { $0.id == selectedRun } ?? content.runs.first
    var (origin, through) = Self.origin(plane.through, content: content, selected: selected)
    if origin.dimension != n || !origin.isFinite { (origin, through) = (domain.center, "the box's centre") }
    let centre = (u: origin[axes.first], v: origin[axes.second])
    switch plane.basis {
    case .axes:
      let (a, b) = PlaneBasis.axes(axes, dimension: n)
      geometry = PlaneGeometry(origin: origin, first: a, second: b, centre: centre, domain: domain, axes: axes)
      summary = "plane \(axes.description) through \(through)"
    case .random:
      let (a, b) = PlaneBasis.random(seed: plane.seed, dimension: n)
      geometry = PlaneGeometry(origin: origin, first: a, second: b, centre: centre, domain: domain)
      summary = "random plane (seed \(plane.seed)) through \(through)"
    case .principal:
      let steps = selected?.layer.trail?.steps ?? []
      let who = selected.map { "run \($0.id + 1)'s" } ?? "the"
      if let fit = PlaneBasis.principal(of: steps.flatMap { $0 }) {
        geometry = PlaneGeometry(origin: origin, first: fit.first, second: fit.second, centre: centre, domain: domain)
        let share = Int((fit.offPlaneShare * 100).rounded())
        summary =
          "principal plane of \(who) last \(steps.count == 1 ? "step" : "\(steps.count) steps") through \(through), \(share) % of their variance off-plane"
      } else {
        let (a, b) = PlaneBasis.axes(axes, dimension: n)
        geometry = PlaneGeometry(origin: origin, first: a, second: b, centre: centre, domain: domain, axes: axes)
        summary = "plane \(axes.description) through \(through) (principal plane: \(who) trajectory does not spread yet)"
      }
    }
  }

  /// The point the plane passes through and how the summary names it.
  static func origin(_ through: MapPlane.Through, content: FrameContent, selected: RunView?) -> (Vector, String) {
    func position(of run: RunView) -> Vector? { run.layer.best?.position ?? run.layer.particles.first?.position }
    switch through {
    case .best:
      guard let selected, let point = position(of: selected) else { break }
      return (point, "run \(selected.id + 1)'s best")
    case .leader:
      let ranked = content.runs.filter { position(of: $0) != nil }
      guard let leader = ranked.min(by: { ($0.bestLoss ?? .infinity) < ($1.bestLoss ?? .infinity) }) else { break }
      return (position(of: leader)!, "the leader, run \(leader.id + 1)'s best")
    case .point(let point):
      return (point, "the fixed point \(Self.describe(point))")
    }
    return (content.landscape.domain.center, "the box's centre")
  }

  /// `(0.5, 1, -2, …)`: the first three coordinates.
  static func describe(_ point: Vector) -> String {
    let shown = point.components.prefix(3).map { formatNumber($0, significantDigits: 3) }
    return "(" + shown.joined(separator: ", ") + (point.dimension > 3 ? ", …" : "") + ")"
  }
}
