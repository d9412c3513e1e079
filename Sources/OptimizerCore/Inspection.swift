import RealModule

/// What an optimizer shows about itself: named numbers (readouts), geometry
/// to draw (overlays) and internal vectors for the inspector.
///
/// The renderer knows only these generic shapes, never an optimizer's type.
public struct Inspection: Sendable, Hashable {
  public var readouts: [Readout]
  public var overlays: [Overlay]
  /// Internal vectors (momentum, committed walk orders, the ensemble mean …)
  /// listed by the inspector.
  public var vectors: [NamedVector]

  public init(readouts: [Readout] = [], overlays: [Overlay] = [], vectors: [NamedVector] = []) {
    self.readouts = readouts
    self.overlays = overlays
    self.vectors = vectors
  }

  /// The readout of that name, if the optimizer has one.
  public func readout(_ name: String) -> Readout? { readouts.first { $0.name == name } }
}

/// A named number: temperature, order, ensemble size, step size, …
public struct Readout: Sendable, Hashable {
  public var name: String
  public var symbol: String
  public var value: Double
  /// Where a gauge should put its ends, when the quantity has natural bounds
  /// (the order of a walk runs 1…Kmax); nil draws the number only.
  public var gauge: ClosedRange<Double>?
  /// True when the gauge should be logarithmic (temperatures, step sizes).
  public var logarithmic: Bool
  /// The quantity's course over the run so far, oldest first (a
  /// `DecimatedSeries`), which the panel draws as a curve under the gauge;
  /// empty for none.
  public var history: [Double]

  public init(
    _ name: String, symbol: String? = nil, value: Double, gauge: ClosedRange<Double>? = nil,
    logarithmic: Bool = false, history: [Double] = []
  ) {
    self.name = name
    self.symbol = symbol ?? name
    self.value = value
    self.gauge = gauge
    self.logarithmic = logarithmic
    self.history = history
  }
}

/// A vector with a name, for the inspector.
public struct NamedVector: Sendable, Hashable {
  public var name: String
  public var vector: Vector

  public init(_ name: String, _ vector: Vector) {
    self.name = name
    self.vector = vector
  }
}

/// What an overlay stands for, which picks its colour and glyph.
///
/// Vectors (`step`, `estimate`, `velocity`, `momentum`, `gravity`, …) are
/// drawn at their true length in landscape units, from the particle.
public enum OverlayRole: String, Sendable, Hashable, CaseIterable {
  /// The move a step took, Δ (for SGD −η·ĝ).
  case step
  /// The estimated downhill −ĝ.
  case estimate
  /// A per-axis scale around the particle (Adam's √v̂, "√V" on screen) as a box.
  case scale
  case velocity, momentum, gradient, gravity
  case covariance, sampling, searchBox, simplex
  case mean, centre, best, personalBest
  case candidate, accepted, rejected, parent, offspring
  /// Where a population member died, and where one was born (or reborn).
  case death, birth
  /// The probes of an ensemble gradient estimate.
  case ensemble
}

/// Geometry to draw over the landscape, in landscape coordinates.
public enum Overlay: Sendable, Hashable {
  /// An arrow from a point to a point.
  case arrow(from: Vector, to: Vector, role: OverlayRole)
  /// A line segment without a head.
  case segment(from: Vector, to: Vector, role: OverlayRole)
  /// The ellipse centre + cos t·a + sin t·b, from its two semi-axes.
  case ellipse(center: Vector, semiAxes: [Vector], role: OverlayRole)
  /// An axis-aligned box.
  case box(lower: Vector, upper: Vector, role: OverlayRole)
  /// A closed polygon through the vertices, in order.
  case polygon(vertices: [Vector], role: OverlayRole)
  /// A marked point (a centre, a mean, a best).
  case mark(at: Vector, role: OverlayRole)
  /// Many marked points at once (tried candidates, personal bests).
  case marks([Vector], role: OverlayRole)
  /// Marks of something that happened a while ago (a death, a birth),
  /// drawn fainter as `fade` goes from 0 (this step) towards 1 (gone).
  case flash([Vector], role: OverlayRole, fade: Double)

  public var role: OverlayRole {
    switch self {
    case .arrow(_, _, let role), .segment(_, _, let role), .ellipse(_, _, let role),
      .box(_, _, let role), .polygon(_, let role), .mark(_, let role), .marks(_, let role), .flash(_, let role, _):
      return role
    }
  }
}

extension Overlay {
  /// The ellipse of a covariance's first two coordinates at `scale` standard
  /// deviations: semi-axes √λᵢ·vᵢ from the 2×2 block's eigenpairs (λ, v).
  public static func covarianceEllipse(
    center: Vector, covariance: [[Double]], scale: Double = 2, role: OverlayRole
  ) -> Overlay {
    let a = covariance[0][0]
    let b = covariance.count > 1 ? covariance[0][1] : 0
    let d = covariance.count > 1 ? covariance[1][1] : a
    // Eigenvalues of [[a, b], [b, d]].
    let mean = (a + d) / 2
    let spread = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
    let large = max(mean + spread, 0), small = max(mean - spread, 0)
    let angle = 0.5 * Double.atan2(y: 2 * b, x: a - d)
    let (c, s) = (Double.cos(angle), Double.sin(angle))
    let n = center.dimension
    var major = Vector.zeros(n), minor = Vector.zeros(n)
    major[0] = scale * large.squareRoot() * c
    minor[0] = -scale * small.squareRoot() * s
    if n > 1 {
      major[1] = scale * large.squareRoot() * s
      minor[1] = scale * small.squareRoot() * c
    }
    return .ellipse(center: center, semiAxes: [major, minor], role: role)
  }
}
