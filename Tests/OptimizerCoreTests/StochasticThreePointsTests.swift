import OptimizerCore
import Testing

/// STP moves to the best of x, x + δ and x − δ, so it never gets worse.
@Suite struct StochasticThreePointsTests {
  /// On noise-free landscapes the loss never rises from step to step, it
  /// does fall, and each step probes exactly two points symmetric about x
  /// (where the box did not clip them) and stands on the best of the three.
  @Test(arguments: [TestLandscape.sphere, .shiftedSphere, .rosenbrock])
  func neverGetsWorse(on landscape: TestLandscape) throws {
    var trial = try OptimizerTrial("stp", on: landscape)
    trial.step()
    let first = trial.optimizer.particles[0].loss
    var previous = first
    for _ in 0..<500 {
      let x = trial.position
      trial.step()
      let loss = trial.optimizer.particles[0].loss
      #expect(loss <= previous, "the loss rose from \(previous) to \(loss)")
      let probes = trial.evaluator.probes.points
      #expect(probes.count == 2)
      let plus = probes[0].position, minus = probes[1].position
      if isInterior(plus, of: landscape.domain) && isInterior(minus, of: landscape.domain) {
        #expect(nearlyEqual(plus + minus, 2 * x, scale: [plus, minus]))
      }
      #expect(loss == min(previous, probes[0].loss, probes[1].loss))
      previous = loss
    }
    #expect(previous < first / 10, "STP made no progress: \(first) → \(previous)")
  }
}
