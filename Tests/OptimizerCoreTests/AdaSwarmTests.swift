import OptimizerCore
import Testing

/// AdaSwarm: Adam on one point x, its gradient read from an EMPSO swarm,
/// ĝ = −(c̄₁r̄₁ + c̄₂r̄₂)/ηₛ·(g − x).
@Suite struct AdaSwarmTests {
  private static func vector(_ name: String, of trial: OptimizerTrial) throws -> Vector {
    try #require(trial.optimizer.inspect().vectors.first { $0.name == name }?.vector)
  }

  /// The swarm is EMPSO itself: same seed, same settings, the same
  /// particles bit for bit (recording the pulls changes nothing).
  @Test func theSwarmFliesAsEMPSO() throws {
    var ada = try OptimizerTrial("adaswarm", on: .shiftedSphere)
    var empso = try OptimizerTrial("empso", on: .shiftedSphere)
    for _ in 0..<30 {
      ada.step()
      empso.step()
      let swarm = ada.optimizer.particles.filter { $0.tag == "swarm" }.map { particle in
        var untagged = particle
        untagged.tag = nil
        return untagged
      }
      #expect(fingerprint(swarm) == fingerprint(empso.optimizer.particles))
    }
  }

  /// Per axis, ĝᵢ = −sᵢ/ηₛ·(gᵢ − xᵢ) with 0 ≤ sᵢ ≤ c₁ + c₂: it points
  /// away from the swarm's best g, at most (c₁ + c₂)/ηₛ times the gap.
  @Test func theEstimateIsThePullTowardTheSwarmsBest() throws {
    var trial = try OptimizerTrial("adaswarm", on: .shiftedSphere)
    let rate = trial.optimizer.hyperparameters["swarmLR"]
    let most = trial.optimizer.hyperparameters["c1"] + trial.optimizer.hyperparameters["c2"]
    var pulled = 0
    for _ in 0..<40 {
      let x = trial.optimizer.particles[0].position
      trial.step()
      let (gradient, g) = (try Self.vector("ĝ", of: trial), try Self.vector("g", of: trial))
      for i in 0..<x.dimension {
        let gap = g[i] - x[i]
        #expect(gradient[i] * gap <= 0)
        #expect(abs(gradient[i]) <= most / rate * abs(gap) * (1 + 1e-12))
        if gradient[i] != 0 { pulled += 1 }
      }
    }
    #expect(pulled > 100)
  }

  /// ηₛ scales ĝ and nothing else that the swarm does: halving it doubles ĝ.
  @Test func theSwarmRateScalesTheEstimate() throws {
    var one = try OptimizerTrial("adaswarm", on: .sphere)
    var half = try OptimizerTrial("adaswarm", settings: [("swarmLR", 0.05)], on: .sphere)
    one.step()
    half.step()
    let (a, b) = (try Self.vector("ĝ", of: one), try Self.vector("ĝ", of: half))
    #expect(a.norm > 0)
    #expect(b.distance(to: 2 * a) <= 1e-12 * b.norm)
  }

  /// On the sphere the estimate points downhill (ĝ·∇f(x) > 0, ∇f = 2x)
  /// on nearly every step, and Adam carries x from f = 25 to near 0.
  @Test func thePointDescendsTheSphere() throws {
    var trial = try OptimizerTrial("adaswarm", on: .sphere)
    var downhill = 0
    for _ in 0..<300 {
      let x = trial.optimizer.particles[0].position
      trial.step()
      if (try Self.vector("ĝ", of: trial)).dot(2 * x) > 0 { downhill += 1 }
    }
    #expect(downhill >= 270, "ĝ pointed downhill on \(downhill) of 300 steps")
    let x = trial.optimizer.particles[0]
    #expect(x.tag == "adam")
    #expect(TestLandscape.sphere.exactLoss(at: x.position) < 0.25, "x ended at \(x.position)")
  }
}
