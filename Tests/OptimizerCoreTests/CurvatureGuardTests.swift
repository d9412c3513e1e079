import OptimizerCore
import Testing

/// Three-point curvature takes a Newton step along the move: it lands on a
/// parabola's minimum in one step, is clamped to its maximum step, and
/// leaves a move along a concave line as it was.
@Suite struct CurvatureGuardTests {
  /// f(x, y) = (x − 1.3)² + 5(y + 0.4)² on [−10, 10]², minimum 0 at (1.3, −0.4).
  struct Parabola: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { (x[0] - 1.3) * (x[0] - 1.3) + 5 * (x[1] + 0.4) * (x[1] + 0.4) }
    var hasAnalyticGradient: Bool { true }
    func gradient(at x: Vector) -> Vector { [2 * (x[0] - 1.3), 10 * (x[1] + 0.4)] }
  }

  /// f(x, y) = −(x² + y²): every line through a point is concave.
  struct Dome: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { -x.squaredNorm }
    var hasAnalyticGradient: Bool { true }
    func gradient(at x: Vector) -> Vector { -2 * x }
  }

  private static let parts = DescentParts(gradient: "analytic", update: "sgd", guards: ["curvature"])

  private static func landscape(_ objective: any Objective, start: Vector) -> TestLandscape {
    TestLandscape(name: "curvature", objective: objective, domain: .cube(-10, 10, dimension: 2), start: start)
  }

  /// From a point on the line y = −0.4 (the gradient and so the move run
  /// along x) and from one on x = 1.3 (along y), one step lands on the
  /// minimum: the parabola along the line is f itself.
  @Test(arguments: [Vector([-2, -0.4]), Vector([1.3, 2]), Vector([5.5, -0.4])])
  func landsOnTheParabolasMinimumInOneStep(start: Vector) throws {
    var trial = try OptimizerTrial("descent", parts: Self.parts, on: Self.landscape(Parabola(), start: start))
    trial.step()
    let x = trial.optimizer.particles[0].position
    #expect(x.distance(to: [1.3, -0.4]) < 1e-9, "landed at \(x)")
    #expect(trial.optimizer.particles[0].loss < 1e-17)
    let curvature = try #require(trial.optimizer.inspect().readout("line-curvature")).value
    #expect(abs(curvature - (start[0] == 1.3 ? 10 : 2)) < 1e-6, "κ = \(curvature)")
  }

  /// The parabola's minimum 3.3 away, with maxStep = 0.1·w = 2: the step
  /// stops exactly 2 along the move.
  @Test func newtonStepIsClampedToMaxStep() throws {
    var trial = try OptimizerTrial(
      "descent", parts: Self.parts, settings: [("maxStep", 2)], on: Self.landscape(Parabola(), start: [-2, -0.4]))
    trial.step()
    #expect(trial.optimizer.particles[0].position.distance(to: [0, -0.4]) < 1e-12)
  }

  /// Along a concave line (κ < 0) the plain SGD move is taken.
  @Test func concaveLineKeepsThePlainMove() throws {
    var trial = try OptimizerTrial(
      "descent", parts: Self.parts, settings: [("lr", 0.1)], on: Self.landscape(Dome(), start: [1, 2]))
    trial.step()
    #expect(trial.optimizer.particles[0].position.distance(to: [1.2, 2.4]) < 1e-12)
    #expect(try #require(trial.optimizer.inspect().readout("line-curvature")).value < 0)
  }

  /// The stencil's forward probe is the move's own target, so a step costs
  /// f(x), f(x + Δ), f(x − Δ) and f at the Newton point: no evaluation twice.
  @Test func stencilSharesTheMovesEvaluation() throws {
    var trial = try OptimizerTrial("descent", parts: Self.parts, on: Self.landscape(Parabola(), start: [-2, 3]))
    trial.step()
    #expect(trial.evaluator.evaluations == 4)
    let positions = trial.evaluator.probes.points.map(\.position)
    #expect(Set(positions).count == positions.count)
  }
}
