#if canImport(Glibc)
import Glibc
#endif
import OptimizerCore
import Testing

/// The update rules move exactly by their formulas (toward-best, whose
/// formula needs a best point, on a landscape that keeps it fixed).
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

  /// Nesterov: v_k = β·v_{k−1} − η·∇f, x_k = x_{k−1} + β·v_k − η·∇f.
  @Test func nesterovStepsWithTheLookAheadMomentum() throws {
    let lr = 0.5, beta = 0.5
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "nesterov"),
      settings: [("lr", lr), ("beta", beta)], on: Self.slope)
    let g = Vector([3, -2])
    var velocity = Vector.zeros(2), expected = Vector.zeros(2)
    for _ in 0..<6 {
      trial.step()
      velocity = beta * velocity - lr * g
      expected += beta * velocity - lr * g
      #expect(trial.optimizer.particles[0].position.distance(to: expected) < 1e-12)
    }
  }

  /// Sign descent with a constant step (p = 0) moves every coordinate by
  /// exactly η, whatever the size of ĝ: on the slope (|∂f| = 3 and 2), and
  /// with RandomGrad's ±u.
  @Test func signMovesExactlyLrPerCoordinate() throws {
    var slope = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "sign"), settings: [("lr", 0.25), ("decay", 0)],
      on: Self.slope)
    for step in 1...5 {
      slope.step()
      #expect(slope.optimizer.particles[0].position == [-0.25 * Double(step), 0.25 * Double(step)])
    }
    var random = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sign"), settings: [("lr", 0.125), ("decay", 0)],
      on: Self.slope)
    for _ in 0..<50 {
      let before = random.optimizer.particles[0].position
      random.step()
      let move = random.optimizer.particles[0].position - before
      for i in 0..<2 { #expect(abs(abs(move[i]) - 0.125) < 1e-12, "moved \(move)") }
    }
  }

  /// With its default decay p = 0.5 the k-th sign step is η/√k on every
  /// axis, and the readout η_k says so.
  @Test func signStepsDecayAsTheRootOfTheirCount() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "sign"), settings: [("lr", 0.5)], on: Self.slope)
    for k in 1...6 {
      let before = trial.optimizer.particles[0].position
      trial.step()
      let move = trial.optimizer.particles[0].position - before
      let step = 0.5 / Double(k).squareRoot()
      #expect(abs(move[0] + step) < 1e-12 && abs(move[1] - step) < 1e-12, "move \(k): \(move)")
      #expect(abs(try #require(trial.optimizer.inspect().readout("step-gain")).value - step) < 1e-15)
    }
  }

  /// RMSProp on a constant gradient: v_k = (1 − ρᵏ)·ĝ², so the k-th move
  /// is η/√(1 − ρᵏ) against the gradient's sign on every axis.
  @Test func rmspropDividesByTheRunningRootMeanSquare() throws {
    let lr = 0.25, rho = 0.5
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "rmsprop"),
      settings: [("lr", lr), ("rmsDecay", rho), ("eps", 1e-16)], on: Self.slope)
    for k in 1...6 {
      let before = trial.optimizer.particles[0].position
      trial.step()
      let move = trial.optimizer.particles[0].position - before
      let step = lr / (1 - pow(rho, Double(k))).squareRoot()
      #expect(abs(move[0] + step) < 1e-12 && abs(move[1] - step) < 1e-12, "move \(k): \(move)")
      let v = try #require(trial.optimizer.inspect().vectors.first { $0.name == "v" }).vector
      #expect(abs(v[0] - (1 - pow(rho, Double(k))) * 9) < 1e-12 && abs(v[1] - (1 - pow(rho, Double(k))) * 4) < 1e-12)
    }
  }

  /// AdaGrad on a constant gradient: G_k = k·ĝ², so the k-th move is η/√k
  /// against the gradient's sign on every axis.
  @Test func adagradDividesByTheRootOfTheSumOfSquares() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "adagrad"),
      settings: [("lr", 0.5), ("eps", 1e-16)], on: Self.slope)
    for k in 1...6 {
      let before = trial.optimizer.particles[0].position
      trial.step()
      let move = trial.optimizer.particles[0].position - before
      let step = 0.5 / Double(k).squareRoot()
      #expect(abs(move[0] + step) < 1e-12 && abs(move[1] - step) < 1e-12, "move \(k): \(move)")
      let sum = try #require(trial.optimizer.inspect().vectors.first { $0.name == "G" }).vector
      #expect(sum == [9 * Double(k), 4 * Double(k)])
    }
  }

  /// Long-term momentum's sum is every ĝ so far, never decayed: on the
  /// sphere, where ĝ turns around once the descent passes the minimum,
  /// g_sum still equals the plain sum of the estimates, its readout is its
  /// norm, and each move is −η·g_sum.
  @Test func longTermMomentumSumNeverDecays() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "long-term-momentum"), settings: [("lr", 0.01)],
      on: .sphere)
    var sum = Vector.zeros(2)
    var turned = false
    for _ in 0..<60 {
      let before = trial.optimizer.particles[0].position
      trial.step()
      let inspection = trial.optimizer.inspect()
      let g = try #require(inspection.vectors.first { $0.name == "ĝ" }).vector
      if g.dot(sum) < 0 { turned = true }
      sum += g
      let gSum = try #require(inspection.vectors.first { $0.name == "g_sum" }).vector
      #expect(gSum == sum)
      #expect(try #require(inspection.readout("gradient-sum")).value == sum.norm)
      let move = trial.optimizer.particles[0].position - before
      #expect(move.distance(to: -0.01 * sum) < 1e-12)
    }
    #expect(turned, "ĝ never turned against the sum, so decay would not show")
  }

  /// f = ‖x‖² with a gradient that lies, always (−1, 0): the descent
  /// climbs away from its start, the minimum and so its best point b.
  struct MisleadingBowl: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { x.squaredNorm }
    var hasAnalyticGradient: Bool { true }
    func gradient(at x: Vector) -> Vector { [-1, 0] }
  }

  /// Toward-best follows v = β·v + η_b·(b − x) − η·ĝ with b the start, and
  /// so stays nearer b than plain momentum, which runs off with the lie.
  @Test func towardBestLeansTowardTheBestPoint() throws {
    let bowl = TestLandscape(
      name: "misleading bowl", objective: MisleadingBowl(), domain: .cube(-100, 100, dimension: 2), start: [0, 0])
    let settings = [("lr", 0.5), ("beta", 0.5)]
    var leaning = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "toward-best"),
      settings: settings + [("bestPull", 0.1)], on: bowl)
    var momentum = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "momentum"), settings: settings, on: bowl)
    var x = Vector.zeros(2), velocity = Vector.zeros(2)
    for _ in 0..<40 {
      leaning.step()
      momentum.step()
      velocity = 0.5 * velocity + 0.1 * (Vector.zeros(2) - x) - 0.5 * Vector([-1, 0])
      x += velocity
      #expect(leaning.optimizer.particles[0].position.distance(to: x) < 1e-9)
      #expect(leaning.optimizer.best?.position == [0, 0])
    }
    let leaned = leaning.optimizer.particles[0].position.norm
    let ran = momentum.optimizer.particles[0].position.norm
    #expect(leaned < 0.2 * ran, "toward-best at \(leaned) from b, momentum at \(ran)")
  }

  /// AdamSPSA by hand on the sphere's gradient 2x from (3, −4): m₁ = ĝ₁,
  /// v₁ = ĝ₁², then m ← β_k·m + (1 − β_k)·ĝ with β_k = β/k^λ, v ← ζ·v +
  /// (1 − ζ)·ĝ², x ← x − (η/k^α)·m/(√v + δ).
  @Test func adamSPSAMovesByItsMomentsAndDecayingGains() throws {
    let lr = 0.5, alpha = 0.602, beta = 0.9, lambda = 0.5, zeta = 0.99, delta = 1e-6
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "adam-spsa"),
      settings: [("lr", lr), ("alpha", alpha), ("beta", beta), ("lambda", lambda), ("zeta", zeta), ("delta", delta)],
      on: .sphere)
    var x: Vector = [3, -4]
    var m = Vector.zeros(2), v = Vector.zeros(2)
    for step in 1...6 {
      trial.step()
      let k = Double(step)
      let g = 2 * x
      let betaK = beta / k.squareRoot()
      for i in 0..<2 {
        m[i] = step == 1 ? g[i] : betaK * m[i] + (1 - betaK) * g[i]
        v[i] = step == 1 ? g[i] * g[i] : zeta * v[i] + (1 - zeta) * g[i] * g[i]
        x[i] -= lr / pow(k, alpha) * m[i] / (v[i].squareRoot() + delta)
      }
      #expect(trial.optimizer.particles[0].position.distance(to: x) < 1e-12, "step \(step)")
    }
    // The first move is a full η per coordinate: m₁/√v₁ = sign(ĝ₁).
    var first = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "adam-spsa"), settings: [("lr", lr)], on: .sphere)
    first.step()
    #expect(first.optimizer.particles[0].position.distance(to: [2.5, -3.5]) < 1e-6)
  }

  /// The adamspsa preset probes at c_k = c/k^γ: the source's perturbation
  /// readout follows the rule's γ.
  @Test func adamSPSADecaysTheSPSAPerturbation() throws {
    var trial = try OptimizerTrial("adamspsa", settings: [("c", 0.1), ("gamma", 0.5)], on: .sphere)
    #expect(trial.optimizer.kind.parts == DescentParts(gradient: "spsa", update: "adam-spsa"))
    for step in 1...5 {
      trial.step()
      let c = try #require(trial.optimizer.inspect().readouts.first { $0.name == "perturbation" }).value
      #expect(abs(c - 0.1 / Double(step).squareRoot()) < 1e-15, "c_\(step) = \(c)")
    }
  }
}
