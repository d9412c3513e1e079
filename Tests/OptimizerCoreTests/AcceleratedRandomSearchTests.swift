import OptimizerCore
import Testing

/// Accelerated random search contracts its box on failure, resets it on
/// success, and restarts after `restartAfter` failures in a row.
@Suite struct AcceleratedRandomSearchTests {
  /// Step by step on the shifted sphere (w = 9, so the full radius is 4.5):
  /// a success resets the radius to w/2, a failure multiplies it by the
  /// contraction c, and the `restartAfter`-th failure in a row resets it with
  /// a `.resample` event. Every rule happens in the run.
  @Test func radiusContractsOnFailureAndResetsOnSuccessAndRestart() throws {
    let contraction = 0.8, restartAfter = 12
    var trial = try OptimizerTrial(
      "accelerated-random-search",
      settings: [("contraction", contraction), ("restartAfter", Double(restartAfter))], on: .shiftedSphere)
    let full = trial.landscape.domain.width / 2
    trial.step()
    var successes = 0, contractions = 0, restarts = 0
    for _ in 0..<2000 {
      let radius = try trial.readout("radius")
      let failures = try trial.readout("failures")
      trial.step()
      let after = try trial.readout("radius")
      if !trial.events(.accept).isEmpty {
        successes += 1
        #expect(after == full)
        #expect(try trial.readout("failures") == 0)
      } else if failures + 1 == Double(restartAfter) {
        restarts += 1
        #expect(after == full)
        #expect(trial.events(.resample).count == 1)
      } else {
        contractions += 1
        #expect(abs(after - contraction * radius) <= 1e-12 * full)
        #expect(try trial.readout("failures") == failures + 1)
      }
    }
    #expect(successes > 10 && contractions > 100 && restarts > 10, "\(successes), \(contractions), \(restarts)")
  }

  /// Each sample lies in the box drawn before the step, and that box lies
  /// inside the domain: shifted, not cut, so it keeps its full size 2r on
  /// every axis narrower than the domain.
  @Test func samplesComeFromTheBoxShiftedInsideTheDomain() throws {
    var trial = try OptimizerTrial("accelerated-random-search", on: .shiftedSphere)
    let domain = trial.landscape.domain
    trial.step()
    for _ in 0..<500 {
      let overlay = trial.optimizer.inspect().overlays.first { $0.role == .searchBox }
      guard case .box(let lower, let upper, _) = overlay else {
        Issue.record("no search box overlay")
        return
      }
      let scale = try trial.readout("radius") / (domain.width / 2)
      for (i, axis) in domain.axes.enumerated() {
        #expect(axis.lower <= lower[i] && upper[i] <= axis.upper)
        #expect(abs((upper[i] - lower[i]) - scale * axis.width) <= 1e-9 * axis.width)
      }
      trial.step()
      let sample = try #require(trial.evaluator.probes.points.last).position
      for i in domain.axes.indices { #expect(lower[i] <= sample[i] && sample[i] <= upper[i]) }
    }
  }
}
