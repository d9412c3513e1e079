import OptimizerCore
import Testing

/// Guided ES samples along the span of its last estimates as α asks, and
/// pays 2P evaluations a step.
@Suite struct GuidedESTests {
  /// With α = 0.01 in 2-D (k = 1) the expected share of ‖ε‖² along the
  /// guiding direction u is α/2 + (1 − α) ≈ 0.995; over 50 steps of two
  /// pairs it stays above 0.9. With α = 1 (no guidance) it is about ½.
  @Test(arguments: [(0.01, 0.9...1.0), (1.0, 0.3...0.7)])
  func samplesLieInTheSubspaceAsAlphaAsks(alpha: Double, share: ClosedRange<Double>) throws {
    var trial = try OptimizerTrial(
      "guided-es", settings: [("fullSpace", alpha), ("lr", 1e-3)], on: .sphere)
    trial.step()
    var along = 0.0, total = 0.0
    for _ in 0..<50 {
      let x = trial.optimizer.particles[0].position
      trial.step()
      let u = try #require(trial.optimizer.inspect().vectors.first { $0.name == "U1" }).vector
      #expect(abs(u.norm - 1) < 1e-12)
      for probe in trial.evaluator.probes.points {
        let epsilon = probe.position - x
        along += epsilon.dot(u) * epsilon.dot(u)
        total += epsilon.squaredNorm
      }
    }
    #expect(share.contains(along / total), "α = \(alpha): share along the subspace \(along / total)")
  }

  /// P antithetic pairs: 2P evaluations per step (plus f at the start).
  @Test func eachStepCostsTwoEvaluationsPerPair() throws {
    var trial = try OptimizerTrial("guided-es", settings: [("pairs", 3)], on: .sphere)
    trial.run(10)
    #expect(trial.evaluator.evaluations == 1 + 6 * 10)
  }
}
