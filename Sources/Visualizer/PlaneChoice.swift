import Rendering
import ViewModel

/// The keys that choose the plane shown of a landscape of more than two
/// dimensions (`MapPlane`): its axes, its basis and the point it passes
/// through. Each says the plane it leaves on the status line; on two
/// dimensions they say there is no plane to choose.
extension AppState {
  /// The plane as the next frame shows it, nil on two dimensions.
  var shownPlane: ShownPlane? {
    ShownPlane(view.plane, content: Screen.content(self), selectedRun: run?.id)
  }

  /// `<` `>` move the first axis, `{` `}` the second, never onto the
  /// other; the map fits the new axes' box.
  mutating func movePlaneAxis(second: Bool, by offset: Int) {
    let dimension = session.landscape.dimension
    guard dimension > 2 else { return sayNoPlane() }
    view.plane.axes = view.plane.axes(in: dimension)
    view.plane.axes = view.plane.movingAxis(second: second, by: offset, dimension: dimension)
    view.viewport = nil
    sayPlane()
  }

  /// `P`: axes → principal → random → axes, the viewport kept, so the
  /// point the plane passes through stays in its cell.
  mutating func cyclePlaneBasis() {
    guard session.landscape.dimension > 2 else { return sayNoPlane() }
    view.plane.basis = view.plane.basis.next
    sayPlane()
  }

  /// `O`: the selected run's best → the leader's → fixed where the plane
  /// passes now → the selected run's best.
  mutating func cyclePlaneThrough() {
    guard let current = shownPlane else { return sayNoPlane() }
    view.plane.through = view.plane.nextThrough(current: current.geometry.origin)
    sayPlane()
  }

  private mutating func sayPlane() {
    message = shownPlane.map { StatusMessage($0.summary) }
  }

  private mutating func sayNoPlane() {
    message = StatusMessage(
      "a 2-D landscape is its own plane; play --dim N (N > 2) shows a plane through N dimensions", kind: .error)
  }
}
