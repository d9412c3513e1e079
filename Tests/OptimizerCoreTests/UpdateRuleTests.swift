import OptimizerCore
import Testing

/// The update rules move exactly by their formulas.
@Suite struct UpdateRuleTests {
  /// f(x) = 3x₀ − 2x₁ on a wide box: ∇f = (3, −2) everywhere, so each rule's
  /// trajectory has a closed form.
  private static let slope = TestLandscape(
    name: "slope", objective: Slope(), domain: .cube(-1e6, 1e6, dimension: 2), start: [0, 0])

  struct Slope: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { 3 * x[0] - 2 * x[1] }
    var hasAnalyticGradient: Bool { true }
    func gradient(at x: Vector) -> Vector { [3, -2] }
  }

  /// SGD: after k steps x = −k·η·∇f.
  @Test func sgdStepsAgainstTheGradient() throws {
    var trial = try OptimizerTrial("gd", settings: [("lr", 0.5)], on: Self.slope)
    trial.run(4)
    #expect(trial.optimizer.particles[0].position == [-6, 4])
  }

  /// Heavy ball: v_k = −η·∇f·(1 − βᵏ)/(1 − β), x_k = Σ v_j.
  @Test func momentumAccumulatesVelocity() throws {
    let lr = 0.5, beta = 0.5
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "momentum"),
      settings: [("lr", lr), ("beta", beta)], on: Self.slope)
    var expected = Vector.zeros(2)
    var velocity = Vector.zeros(2)
    for _ in 0..<6 {
      trial.step()
      velocity = beta * velocity - lr * Vector([3, -2])
      expected += velocity
      #expect(trial.optimizer.particles[0].position.distance(to: expected) < 1e-12)
    }
    #expect(trial.optimizer.particles[0].velocity == velocity)
  }

  /// Adam on a constant gradient moves η per coordinate against its sign
  /// from the first step (bias correction makes m̂ = ĝ and v̂ = ĝ²).
  @Test func adamStepsLrPerCoordinateOnAConstantGradient() throws {
    var trial = try OptimizerTrial("adam", settings: [("lr", 0.25), ("eps", 1e-16)], on: Self.slope)
    for step in 1...5 {
      trial.step()
      let x = trial.optimizer.particles[0].position
      #expect(abs(x[0] + 0.25 * Double(step)) < 1e-12 && abs(x[1] - 0.25 * Double(step)) < 1e-12, "\(x)")
    }
  }
}
