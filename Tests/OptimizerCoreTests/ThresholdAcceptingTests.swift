import OptimizerCore
import Testing

/// Threshold accepting takes a candidate exactly when it is less than τ
/// worse than where it stands.
@Suite struct ThresholdAcceptingTests {
  /// Over a run on the sphere with a high threshold, every candidate with
  /// f(y) < f(x) + τ is accepted and every other one rejected (τ as shown
  /// before the step); worse moves are accepted, and refused too.
  @Test func acceptsAWorseMoveOnlyWithinTheThreshold() throws {
    var trial = try OptimizerTrial("threshold-accepting", settings: [("tau0", 0.5), ("maxBad", 1e9)], on: .sphere)
    trial.step()
    var worseAccepted = 0, worseRejected = 0
    for _ in 0..<2000 {
      let tau = try trial.readout("threshold")
      let origin = trial.optimizer.particles[0]
      trial.step()
      let candidate = try #require(trial.evaluator.probes.points.last)
      let accepted = !trial.events(.accept).isEmpty
      #expect(accepted == (candidate.loss < origin.loss + tau), "ΔE = \(candidate.loss - origin.loss), τ = \(tau)")
      #expect(trial.position == (accepted ? candidate.position : origin.position))
      if candidate.loss > origin.loss { if accepted { worseAccepted += 1 } else { worseRejected += 1 } }
    }
    #expect(worseAccepted > 20 && worseRejected > 20, "\(worseAccepted) worse moves taken, \(worseRejected) refused")
  }

  /// τ cools on annealing's schedule: by α every `coolEvery` steps.
  @Test func thresholdFallsByAlphaEveryCoolEverySteps() throws {
    var trial = try OptimizerTrial(
      "threshold-accepting", settings: [("alpha", 0.5), ("coolEvery", 10), ("maxBad", 1e9)], on: .sphere)
    trial.step()
    let start = try trial.readout("threshold")
    trial.run(29)
    #expect(abs(try trial.readout("threshold") - start / 8) <= 1e-12 * start)
  }
}
