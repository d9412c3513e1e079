/// The smooth periodic map from Rⁿ onto a box that the `cma` package uses
/// by default (its `BoundTransform`, after Hansen's `boundary_transformation.c`),
/// so that a search distribution can live unbounded while every point it
/// evaluates lies in the box.
///
/// Per axis [l, u] with margins a = 0.025·(u − l) on both sides: t is the
/// identity on [l + a, u − a], quadratic on the margins,
/// t(y) = l + (y − (l − a))²/(4a) for y < l + a and
/// t(y) = u − (y − (u + a))²/(4a) for y > u − a, so that t is C¹ and
/// t(l − a) = l, t(u + a) = u; beyond [l − a, u + a] the argument is first
/// mirrored at those points, and far out shifted by whole periods
/// 2·(u − l + 2a), so t is periodic. cma takes a = max(1, |bound|)/20,
/// which is 2.5 % of the width on boxes symmetric about 0 but depends on
/// where the box sits; a fixed share of the width keeps t translation
/// invariant. Discrete axes are mapped the same way and then rounded by the
/// evaluator.
struct BoxTransform: Sendable, Hashable {
  /// The share of an axis's width taken by each quadratic margin.
  static let marginShare = 0.025

  private let lower: [Double]
  private let upper: [Double]
  private let margins: [Double]

  init(domain: Domain) {
    lower = domain.axes.map(\.lower)
    upper = domain.axes.map(\.upper)
    margins = domain.axes.map { Self.marginShare * $0.width }
  }

  /// t(y), coordinate by coordinate, in place.
  func apply(_ y: inout Vector) {
    for i in lower.indices { y[i] = Self.map(y[i], lower: lower[i], upper: upper[i], margin: margins[i]) }
  }

  /// t(y).
  func applied(_ y: Vector) -> Vector {
    var x = y
    apply(&x)
    return x
  }

  /// t on one axis [l, u] with margin a (a = 0 on a degenerate axis, whose
  /// only value is l).
  static func map(_ value: Double, lower l: Double, upper u: Double, margin a: Double) -> Double {
    guard a > 0, value.isFinite else { return value.isNaN ? l : min(max(value, l), u) }
    var y = value
    let width = u - l
    let start = l - 2 * a - width / 2
    if y < start || y > u + 2 * a + width / 2 {
      let period = 2 * (width + 2 * a)
      y -= period * ((y - start) / period).rounded(.down)
    }
    if y > u + a { y -= 2 * (y - u - a) }
    if y < l - a { y += 2 * (l - a - y) }
    if y < l + a { return l + (y - (l - a)) * (y - (l - a)) / (4 * a) }
    if y > u - a { return u - (y - (u + a)) * (y - (u + a)) / (4 * a) }
    return y
  }
}
