import OptimizerCore
import Testing

/// The swarm's own rules: bests, topology, clamp and resizing.
@Suite struct ParticleSwarmTests {
  /// The swarm's best is the best personal best, and each personal best is
  /// no worse than where its particle stands.
  @Test func bestIsTheBestPersonalBest() throws {
    var trial = try OptimizerTrial("pso", on: .shiftedSphere)
    for _ in 0..<30 {
      trial.step()
      let particles = trial.optimizer.particles
      let personalBests = particles.compactMap(\.personalBest)
      #expect(personalBests.count == particles.count)
      for particle in particles { #expect(particle.personalBest!.loss <= particle.loss) }
      #expect(trial.optimizer.best?.loss == personalBests.map(\.loss).min())
    }
  }

  /// With vmax set, no velocity component exceeds it.
  @Test func velocityClampHolds() throws {
    var trial = try OptimizerTrial("pso", settings: [("vmax", 0.05)], on: .shiftedSphere)
    for _ in 0..<20 {
      trial.step()
      for particle in trial.optimizer.particles {
        #expect(particle.velocity!.components.allSatisfy { abs($0) <= 0.05 })
      }
    }
  }

  /// The ring topology also converges on the sphere, if more slowly.
  @Test func ringTopologyConverges() throws {
    var trial = try OptimizerTrial("pso", settings: [("topology", 1)], on: .sphere)
    trial.run(300)
    #expect(trial.reachedExactLoss < 1e-6)
  }

  /// Growing the swarm keeps every old member and adds new ones; shrinking
  /// keeps the members with the best personal bests, in their order. The
  /// step that resizes is frozen (ω = c₁ = c₂ = 0) so members stay put.
  @Test(arguments: [30, 5])
  func resizingKeepsSurvivors(count: Int) throws {
    var trial = try OptimizerTrial("pso", on: .sphere)
    trial.run(5)
    let before = trial.optimizer.particles
    for name in ["omega", "c1", "c2"] { try trial.optimizer.hyperparameters.set(name, to: 0) }
    try trial.optimizer.hyperparameters.set("particles", to: Double(count))
    trial.step()
    let after = trial.optimizer.particles
    #expect(after.count == count)
    if count > before.count {
      #expect(after.prefix(before.count).map(\.position) == before.map(\.position))
      #expect(after[before.count...].allSatisfy { $0.age == 1 && $0.velocity == .zeros(2) })
    } else {
      let threshold = before.map { $0.personalBest!.loss }.sorted()[count - 1]
      let kept = before.filter { $0.personalBest!.loss <= threshold }
      #expect(after.map(\.position) == kept.map(\.position))
      #expect(after.map { $0.personalBest! } == kept.map { $0.personalBest! })
    }
  }
}
