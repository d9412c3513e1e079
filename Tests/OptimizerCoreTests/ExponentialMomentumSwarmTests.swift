import OptimizerCore
import Testing

/// EMPSO: PSO whose inertia term is the moving average
/// M ← β·M + (1 − β)·v.
@Suite struct ExponentialMomentumSwarmTests {
  /// Each particle's moving average M, from the momentum arrows x → x + M
  /// (so up to the rounding of x + M − x).
  private static func momenta(of trial: OptimizerTrial) -> [Vector] {
    trial.optimizer.inspect().overlays.compactMap { overlay -> Vector? in
      guard case .arrow(let from, let to, .momentum) = overlay else { return nil }
      return to - from
    }
  }

  /// Step after step, every particle's M is β·M + (1 − β)·v of the step
  /// before, and its new velocity is M plus the two pulls, which vanish
  /// with c₁ = c₂ = 0.
  @Test(arguments: [0.9, 0.5])
  func momentumAverageFollowsItsFormula(beta: Double) throws {
    var trial = try OptimizerTrial("empso", settings: [("beta", beta)], on: .shiftedSphere)
    trial.run(3)
    for _ in 0..<10 {
      let (momenta, velocities) = (Self.momenta(of: trial), trial.optimizer.particles.map { $0.velocity! })
      trial.step()
      let updated = Self.momenta(of: trial)
      #expect(updated.count == velocities.count)
      for i in updated.indices {
        let expected = beta * momenta[i] + (1 - beta) * velocities[i]
        #expect(updated[i].distance(to: expected) <= 1e-12 * max(1, expected.norm))
      }
    }
    try trial.optimizer.hyperparameters.set("c1", to: 0)
    try trial.optimizer.hyperparameters.set("c2", to: 0)
    trial.step()
    for (velocity, momentum) in zip(trial.optimizer.particles.map { $0.velocity! }, Self.momenta(of: trial)) {
      #expect(velocity.distance(to: momentum) <= 1e-12 * max(1, velocity.norm))
    }
  }

  /// With β = 0 the average is the last velocity, so EMPSO flies exactly as
  /// PSO with ω = 1 (same pulls, same seed).
  @Test func betaZeroFliesAsPSOWithUnitInertia() throws {
    let pulls = [("c1", 1.2), ("c2", 0.8)]
    var averaged = try OptimizerTrial("empso", settings: [("beta", 0)] + pulls, on: .shiftedSphere)
    var plain = try OptimizerTrial("pso", settings: [("omega", 1)] + pulls, on: .shiftedSphere)
    for _ in 0..<20 {
      averaged.step()
      plain.step()
      #expect(fingerprint(averaged.optimizer.particles) == fingerprint(plain.optimizer.particles))
    }
  }
}
