import OptimizerCore
import Testing

/// Adam with the analytic gradient, the classic baseline, solves Rosenbrock.
@Suite struct AdamRosenbrockTests {
  /// With its defaults on [−2, 2]² (η = 1e-2·w = 0.04, β₁ = 0.9,
  /// β₂ = 0.999, ε = 1e-8), from (−1.5, 2), Adam gets within 1e-6 of the
  /// minimum (1, 1) in at most 2500 steps (it does at step 2292).
  @Test func adamReachesTheRosenbrockMinimum() throws {
    var trial = try OptimizerTrial("adam", on: .rosenbrock)
    #expect(trial.optimizer.hyperparameters["lr"] == 0.04)
    var closest = Double.infinity
    while trial.steps < 2500 && closest >= 1e-6 {
      trial.step()
      closest = min(closest, trial.optimizer.particles[0].position.distance(to: [1, 1]))
    }
    #expect(closest < 1e-6, "Adam came only within \(closest) of (1, 1) in \(trial.steps) steps")
    #expect(trial.steps > 1000, "Rosenbrock's valley is slow; reaching it in \(trial.steps) steps is suspicious")
  }
}
