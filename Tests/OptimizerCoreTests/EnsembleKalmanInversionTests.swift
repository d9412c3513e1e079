import OptimizerCore
import Testing

/// Ensemble Kalman inversion: its move, its contraction, its resampling and
/// its ensemble-size schedule.
@Suite struct EnsembleKalmanInversionTests {
  /// The mean x̄ the inspector lists.
  private static func mean(of trial: OptimizerTrial) -> Vector {
    trial.optimizer.inspect().vectors.first { $0.name == "x̄" }!.vector
  }

  private static func spread(of trial: OptimizerTrial) -> Double {
    trial.optimizer.inspect().readout("spread")!.value
  }

  /// On the sphere the ensemble contracts (its spread falls a
  /// thousandfold) and its mean closes in on the minimum, measured at step
  /// 149, just before the third resampling re-spreads it.
  @Test func ensembleContractsTowardTheMinimum() throws {
    var trial = try OptimizerTrial("eki", on: .sphere)
    trial.step()
    let (spreadBefore, distanceBefore) = (Self.spread(of: trial), Self.mean(of: trial).norm)
    trial.run(148)
    #expect(Self.spread(of: trial) < 1e-3 * spreadBefore)
    #expect(Self.mean(of: trial).norm < 1e-3 * distanceBefore)
  }

  /// One step moves every member by −h·(fⱼ − f_target)·C^{xf}, with
  /// f_target = f_best − m·sd(f) and h = h₀·2s / (rms(f − f_target)·‖C^{xf}‖).
  @Test func moveFollowsTheKalmanFormula() throws {
    let positions: [Vector] = [[1, 2], [-1, 0.5], [2, -1], [0.5, -2]]
    let members = positions.map { Particle(position: $0, loss: TestLandscape.sphere.exactLoss(at: $0)) }
    var trial = try OptimizerTrial(
      "eki", settings: [("members", 4), ("randomize", 0), ("h0", 0.3), ("margin", 2)], on: .sphere,
      adopting: members)
    trial.step()

    let count = Double(members.count)
    let losses = members.map(\.loss)
    let lossMean = losses.reduce(0, +) / count
    var mean = Vector.zeros(2)
    for x in positions { mean.add(x, scaledBy: 1 / count) }
    var crossCovariance = Vector.zeros(2)
    var squaredSpread = 0.0, variance = 0.0
    for (x, f) in zip(positions, losses) {
      crossCovariance.add(x - mean, scaledBy: (f - lossMean) / count)
      squaredSpread += (x - mean).squaredNorm / count
      variance += (f - lossMean) * (f - lossMean) / count
    }
    let target = losses.min()! - 2 * variance.squareRoot()
    let residual = (losses.map { ($0 - target) * ($0 - target) }.reduce(0, +) / count).squareRoot()
    let h = 0.3 * 2 * squaredSpread.squareRoot() / (residual * crossCovariance.norm)
    for (j, particle) in trial.optimizer.particles.enumerated() {
      let expected = positions[j] - (h * (losses[j] - target)) * crossCovariance
      #expect(particle.position.distance(to: expected) < 1e-12, "member \(j)")
    }
    #expect(abs(trial.optimizer.inspect().readout("step-size")!.value - h) < 1e-12 * h)
    #expect(abs(trial.optimizer.inspect().readout("target")!.value - target) < 1e-12)
  }

  /// With `resample`, every member is re-drawn exactly every E steps, each
  /// time with one `.resample` event at the mean; the members' ages restart.
  @Test func resamplesExactlyEveryESteps() throws {
    var trial = try OptimizerTrial("eki", settings: [("randomize", 2), ("resampleEvery", 7)], on: .sphere)
    var resampledAt: [Int] = []
    for step in 1...30 {
      trial.step()
      let events = trial.evaluator.events.filter { $0.kind == .resample }
      #expect(events.count <= 1)
      if !events.isEmpty {
        resampledAt.append(step)
        #expect(events[0].position != nil)
        #expect(trial.optimizer.particles.allSatisfy { $0.age == 0 })
      }
    }
    #expect(resampledAt == [7, 14, 21, 28])
  }

  /// Without `resample`, no member is ever re-drawn.
  @Test func noResamplingWithoutTheVariant() throws {
    var trial = try OptimizerTrial("eki", settings: [("randomize", 1), ("resampleEvery", 3)], on: .sphere)
    for _ in 1...12 {
      trial.step()
      #expect(!trial.evaluator.events.contains { $0.kind == .resample })
    }
  }

  /// An ensemble started on one point cannot move by itself (its covariance
  /// is zero); the `noise` variant spreads it every step.
  @Test func noiseSpreadsACollapsedEnsemble() throws {
    var still = try OptimizerTrial("eki", settings: [("init", 0), ("randomize", 0)], on: .sphere)
    var noisy = try OptimizerTrial("eki", settings: [("init", 0), ("randomize", 1)], on: .sphere)
    still.run(5)
    noisy.run(5)
    #expect(Set(still.optimizer.particles.map(\.position)) == [TestLandscape.sphere.start])
    #expect(Set(noisy.optimizer.particles.map(\.position)).count == 10)
  }

  /// With τ > 0 the ensemble holds J(t) = min(J_max, J₀ + ⌊t/τ⌋) members
  /// after t steps, and the `ensemble-size` readout says so.
  @Test func ensembleSizeScheduleGrowsTheEnsemble() throws {
    var trial = try OptimizerTrial(
      "eki", settings: [("members", 4), ("growEvery", 3), ("maxMembers", 9)], on: .sphere)
    #expect(trial.optimizer.particles.count == 4)
    for t in 1...25 {
      trial.step()
      let expected = min(9, 4 + t / 3)
      #expect(trial.optimizer.particles.count == expected, "after \(t) steps")
      #expect(trial.optimizer.inspect().readout("ensemble-size")?.value == Double(expected))
    }
  }
}
