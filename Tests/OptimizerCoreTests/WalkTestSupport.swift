import OptimizerCore
import Testing

/// f(x) = Σ xᵢ: a slope that never ends inside its box.
struct Slope: Objective {
  let dimension: Int
  func value(at x: Vector) -> Double { x.components.reduce(0, +) }
}

extension TestLandscape {
  /// A plane falling toward (−10⁴, −10⁴), started far uphill.
  static let slope = TestLandscape(
    name: "slope", objective: Slope(dimension: 2), domain: .cube(-1e4, 1e4, dimension: 2), start: [9000, 9000])

  /// A large bowl, f = ‖x‖², started far from its minimum at the origin.
  static let bowl = TestLandscape(
    name: "bowl", objective: Sphere(center: [0, 0]), domain: .cube(-1000, 1000, dimension: 2), start: [800, -900])
}

extension OptimizerTrial {
  /// The value of a readout the optimizer must show.
  func readout(_ name: String) throws -> Double {
    try #require(optimizer.inspect().readout(name), "\(optimizer.kind.name) shows no '\(name)'").value
  }

  /// The committed vectors d[0], d[1], … a walk lists in its inspector.
  var committed: [Vector] {
    let vectors = optimizer.inspect().vectors
    return (0..<vectors.count).compactMap { i in vectors.first { $0.name == "d[\(i)]" }?.vector }
  }

  /// Where the single-point optimizer stands.
  var position: Vector { optimizer.particles[0].position }

  /// The step's events of one kind.
  func events(_ kind: StepEvent.Kind) -> [StepEvent] { evaluator.events.filter { $0.kind == kind } }
}

/// True when y lies strictly inside the box, so that projection did not
/// change the candidate.
func isInterior(_ y: Vector, of domain: Domain) -> Bool {
  domain.axes.indices.allSatisfy { domain.axes[$0].lower < y[$0] && y[$0] < domain.axes[$0].upper }
}

/// True when a and b agree to within rounding of the largest of `scale`.
func nearlyEqual(_ a: Vector, _ b: Vector, scale: [Vector]) -> Bool {
  let size = scale.map(\.norm).max() ?? 0
  return a.distance(to: b) <= 1e-9 * max(1, size)
}
