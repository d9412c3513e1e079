import OptimizerCore
import Testing

/// 2-SPSA: its averaged Hessian estimate converges to the Hessian, and its
/// blocking guard refuses a step that climbs by more than its tolerance.
@Suite struct SecondOrderSPSATests {
  /// f(x) = ½xᵀAx with A = [[4, 1], [1, 2]] on a box wide enough that no
  /// probe is projected.
  struct Quadratic: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { 0.5 * (4 * x[0] * x[0] + 2 * x[0] * x[1] + 2 * x[1] * x[1]) }
  }

  static let quadratic = TestLandscape(
    name: "quadratic", objective: Quadratic(), domain: .cube(-10, 10, dimension: 2), start: [2, -3])

  /// After 2000 steps H̄ is within 10 % of A (Frobenius norm).
  @Test func averagedHessianConvergesToTheHessian() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "spsa2", update: "sgd"), settings: [("lr", 1e-3)],
      on: Self.quadratic, seed: 3)
    trial.run(2000)
    let rows = try ["H̄1", "H̄2"].map { name in
      try #require(trial.optimizer.inspect().vectors.first { $0.name == name }).vector
    }
    let exact: [Vector] = [[4, 1], [1, 2]]
    let error = zip(rows, exact).map { $0.distance(to: $1) * $0.distance(to: $1) }.reduce(0, +).squareRoot()
    let size = exact.map(\.squaredNorm).reduce(0, +).squareRoot()
    #expect(error < 0.1 * size, "H̄ = \(rows), error \(error) against ‖A‖ = \(size)")
    #expect(trial.evaluator.evaluations == 1 + 4 * 2000)
  }

  private static func blocked(_ trial: OptimizerTrial) throws -> Double {
    try #require(trial.optimizer.inspect().readouts.first { $0.name == "blocked" }).value
  }

  /// On the sphere from (3, −4), η = 1.5 sends x to −2x, four times the
  /// loss: with no spread yet known the first such step is refused, noted
  /// as a rejection, and the descent stays.
  @Test func blockingRefusesAClimbingStep() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "sgd", guards: ["blocking"]),
      settings: [("lr", 1.5)], on: .sphere)
    trial.step()
    #expect(trial.optimizer.particles[0].position == [3, -4])
    #expect(trial.evaluator.events.contains { $0.kind == .reject })
    #expect(try Self.blocked(trial) == 1)
  }

  /// Four steps of η = 0.1 leave losses 25, 16, 10.24, 6.55, 4.19 (std
  /// 8.34); then η = 1.5 climbs from 4.19 to 16.78, by 12.6: within 2·std
  /// (16.7), beyond 1·std (8.34).
  @Test(arguments: [(2.0, false), (1.0, true)])
  func blockingToleratesAClimbWithinItsSpread(tolerance: Double, refused: Bool) throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "analytic", update: "sgd", guards: ["blocking"]),
      settings: [("lr", 0.1), ("tolerance", tolerance)], on: .sphere)
    trial.run(4)
    #expect(try Self.blocked(trial) == 0)
    let before = trial.optimizer.particles[0].position
    try trial.optimizer.hyperparameters.set("lr", to: 1.5)
    trial.step()
    #expect(try Self.blocked(trial) == (refused ? 1 : 0))
    #expect((trial.optimizer.particles[0].position == before) == refused)
  }

  /// The preset costs four probes and one blocking evaluation per step
  /// (plus f at the start) and reaches the sphere's minimum.
  @Test func presetCostsFivePerStepAndConverges() throws {
    var trial = try OptimizerTrial("spsa2", on: .sphere)
    trial.run(200)
    #expect(trial.evaluator.evaluations == 1 + 5 * 200)
    #expect(trial.reachedExactLoss < 1e-4)
  }
}
