import Engine
import OptimizerCore

/// The selected axis (`A`), kept inside the landscape's dimension.
func selectedAxis(_ state: AppState) -> Int {
  min(max(state.selectedAxis, 0), state.session.landscape.dimension - 1)
}

/// An axis as the status line names it: x and y on a 2-D landscape, x1 … xn
/// on others.
func axisName(_ index: Int, of domain: Domain) -> String {
  domain.dimension <= 2 ? ["x", "y"][index] : "x\(index + 1)"
}

/// `K`: the selected axis becomes the next kind (continuous → integer →
/// boolean → continuous), recorded as a `landscape` event whose domain
/// holds the new kinds, so a replay and `,` treat it as any landscape
/// change (docs/SCENES.md): every run restarts on the new domain.
/// A boolean axis spans [0, 1]; leaving boolean, the axis takes back the
/// function's own range. An axis with no whole number in its range skips
/// integer.
func cycleAxisKind(_ state: inout AppState) {
  let source = state.session.landscapeSource
  var domain = state.session.landscape.domain
  let index = selectedAxis(state)
  let old = domain.axes[index]
  var (lower, upper) = (old.lower, old.upper)
  if old.kind == .boolean {
    var own = source
    own.domain = nil
    if let ownAxis = try? own.make().domain.axes[index] { (lower, upper) = (ownAxis.lower, ownAxis.upper) }
  }
  var kind = old.kind.next
  if kind == .integer && lower.rounded(.up) > upper.rounded(.down) { kind = kind.next }
  domain.axes[index] = Axis(lower, upper, kind: kind)
  var changed = source
  changed.domain = domain
  let boxChanged = domain.axes[index].lower != old.lower || domain.axes[index].upper != old.upper
  apply(.setLandscape(changed), to: &state, confirmation: "axis \(axisName(index, of: domain)): \(kind.rawValue)")
  if boxChanged && state.session.landscape.domain == domain { state.view.viewport = nil }
}

extension AxisKind {
  /// The kind `K` turns this one into.
  var next: AxisKind {
    switch self {
    case .continuous: return .integer
    case .integer: return .boolean
    case .boolean: return .continuous
    }
  }
}
