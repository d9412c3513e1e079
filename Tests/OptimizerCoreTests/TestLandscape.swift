import OptimizerCore
import Testing

/// A small objective on its domain, with the noise its evaluator adds and a
/// start point: what the optimizer tests run on, independent of the
/// landscape catalog.
struct TestLandscape: Sendable, CustomTestStringConvertible {
  var name: String
  var objective: any Objective
  var domain: Domain
  var start: Vector
  var noise = 0.0

  var testDescription: String { name }

  /// f(x) = Σ xᵢ² on [−5, 5]², minimum 0 at the origin.
  static let sphere = TestLandscape(
    name: "sphere", objective: Sphere(center: [0, 0]), domain: .cube(-5, 5, dimension: 2), start: [3, -4])

  /// f(x) = Σ (xᵢ − cᵢ)² in three dimensions, the minimum off-centre and
  /// the box not symmetric about it.
  static let shiftedSphere = TestLandscape(
    name: "shifted sphere", objective: Sphere(center: [1.5, -2, 0.5]),
    domain: Domain(axes: [Axis(-4, 6), Axis(-6, 3), Axis(-5, 5)]), start: [-3, 2, 4])

  /// Rosenbrock's valley on [−2, 2]², with its analytic gradient.
  static let rosenbrock = TestLandscape(
    name: "rosenbrock", objective: Rosenbrock(), domain: .cube(-2, 2, dimension: 2), start: [-1.5, 2])

  /// The sphere seen through Gaussian noise of σ = 0.5.
  static let noisySphere = TestLandscape(
    name: "noisy sphere", objective: Sphere(center: [0, 0]), domain: .cube(-5, 5, dimension: 2), start: [3, -4],
    noise: 0.5)

  /// A shifted sphere over a continuous, an integer and a boolean axis; it
  /// answers NaN (evaluated as +∞) at any point off the lattice, which the
  /// evaluator's projection must make impossible.
  static let mixed = TestLandscape(
    name: "mixed axes", objective: LatticeSphere(center: [0.5, 3, 1]),
    domain: Domain(axes: [Axis(-5, 5), Axis(-10, 10, kind: .integer), Axis(0, 1, kind: .boolean)]),
    start: [-4, -7, 0])

  static let all = [sphere, shiftedSphere, rosenbrock, noisySphere, mixed]

  /// A fresh evaluator that logs probes, with noise seeded by `seed`.
  func evaluator(seed: UInt64 = 7) -> Evaluator {
    Evaluator(objective: objective, domain: domain, noise: noise, noiseSeed: seed)
  }

  /// The exact (noise-free) loss at x.
  func exactLoss(at x: Vector) -> Double { objective.value(at: x) }
}

/// f(x) = Σ (xᵢ − cᵢ)², with ∇f = 2(x − c).
struct Sphere: Objective {
  let center: Vector
  var dimension: Int { center.dimension }

  func value(at x: Vector) -> Double { x.distance(to: center) * x.distance(to: center) }
  var hasAnalyticGradient: Bool { true }
  func gradient(at x: Vector) -> Vector { 2 * (x - center) }
}

/// f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1).
struct Rosenbrock: Objective {
  var dimension: Int { 2 }

  func value(at x: Vector) -> Double {
    let a = 1 - x[0], b = x[1] - x[0] * x[0]
    return a * a + 100 * b * b
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)).
  func gradient(at x: Vector) -> Vector {
    let b = x[1] - x[0] * x[0]
    return [-2 * (1 - x[0]) - 400 * x[0] * b, 200 * b]
  }
}

/// A sphere whose second and third coordinates must be whole numbers: NaN
/// anywhere else.
struct LatticeSphere: Objective {
  let center: Vector
  var dimension: Int { center.dimension }

  func value(at x: Vector) -> Double {
    guard x[1] == x[1].rounded(), x[2] == 0 || x[2] == 1 else { return .nan }
    return x.distance(to: center) * x.distance(to: center)
  }
}
