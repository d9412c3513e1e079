import OptimizerCore
import Testing

/// The options every random source shares: smoothed directions keep
/// successive directions close, and lookahead probes exactly where the
/// update rule would move.
@Suite struct RandomProbingTests {
  private static func cosine(_ a: Vector, _ b: Vector) -> Double { a.dot(b) / (a.norm * b.norm) }

  private static func vector(_ name: String, of trial: OptimizerTrial) throws -> Vector {
    try #require(trial.optimizer.inspect().vectors.first { $0.name == name }).vector
  }

  /// With ρ = 0.999 every direction is within asin(√(1−ρ²)/ρ) of the last,
  /// a cosine of at least √(2 − 1/ρ²) ≈ 0.999; with ρ = 0 successive
  /// directions are unrelated (their mean cosine is near 0). RandomGrad's
  /// u, SPSA's and RDSA's δ.
  @Test(arguments: [("randomgrad", "u"), ("spsa", "δ"), ("rdsa", "δ")])
  func smoothedDirectionsStayClose(source: String, vectorName: String) throws {
    for rho in [0.999, 0] {
      var trial = try OptimizerTrial(
        "descent", parts: DescentParts(gradient: source, update: "sgd"),
        settings: [("rho", rho), ("lr", 1e-4)], on: .shiftedSphere)
      trial.step()
      var last = try Self.vector(vectorName, of: trial)
      var cosines: [Double] = []
      for _ in 0..<100 {
        trial.step()
        let next = try Self.vector(vectorName, of: trial)
        cosines.append(Self.cosine(last, next))
        last = next
      }
      if rho > 0 {
        let bound = (2 - 1 / (rho * rho)).squareRoot() - 1e-12
        #expect(cosines.min()! >= bound, "\(source): successive directions at cos \(cosines.min()!)")
      } else {
        let mean = cosines.reduce(0, +) / Double(cosines.count)
        #expect(abs(mean) < 0.3 && cosines.min()! < 0, "\(source) with ρ = 0: mean cos \(mean)")
      }
    }
  }

  /// Smoothing keeps each probe slot's direction close to its own last one:
  /// Gaussian smoothing's k probes, read back as (probe − x)/σ.
  @Test func smoothedDirectionsStayCloseInEveryProbeSlot() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "gaussian-smoothing", update: "sgd"),
      settings: [("rho", 0.999), ("lr", 1e-6)], on: .shiftedSphere)
    trial.step()
    var last: [Vector] = []
    for step in 0..<30 {
      let x = trial.optimizer.particles[0].position
      trial.step()
      let sigma = trial.optimizer.hyperparameters["sigma"]
      let directions = trial.evaluator.probes.points.prefix(8).map { ($0.position - x) / sigma }
      if step > 0 {
        for (a, b) in zip(last, directions) { #expect(Self.cosine(a, b) > 0.998) }
      }
      last = directions
    }
  }

  /// With lookahead, RandomGrad's probe is x + Δ(ĝ = −u), the rule's own
  /// move (for SGD x + η·u; for momentum and Adam their state's move).
  /// Accepted, the descent lands exactly on the probe, and its loss is
  /// reused: one evaluation that step. Reversed, it moves elsewhere.
  @Test(arguments: ["sgd", "momentum", "nesterov", "adam", "sign", "toward-best"])
  func lookaheadProbesTheUpdatesTarget(update: String) throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: update), settings: [("lookahead", 1)],
      on: .shiftedSphere)
    trial.step()
    var accepted = 0, reversed = 0
    for _ in 0..<100 {
      let x = trial.optimizer.particles[0].position
      let evaluations = trial.evaluator.evaluations
      trial.step()
      let probe = try #require(trial.evaluator.probes.points.first)
      let position = trial.optimizer.particles[0].position
      let sign = try #require(trial.optimizer.inspect().readout("probe-sign")).value
      if update == "sgd" {
        let u = try Self.vector("u", of: trial)
        let target = trial.landscape.domain.projected(x + trial.optimizer.hyperparameters["lr"] * u)
        #expect(probe.position == target)
      }
      if sign < 0 {
        accepted += 1
        #expect(position == probe.position, "\(update): accepted but not at the lookahead probe")
        #expect(trial.optimizer.particles[0].loss == probe.loss)
        #expect(trial.evaluator.evaluations - evaluations == 1, "\(update): the probe's loss was not reused")
      } else if sign > 0 {
        reversed += 1
        #expect(position != probe.position)
      }
    }
    #expect(accepted > 10 && reversed > 0, "\(update): \(accepted) accepted, \(reversed) reversed")
  }

  /// SPSA and RDSA with lookahead probe the rule's moves for ĝ = ∓δ and go
  /// to the better of the two, reusing its loss: two evaluations a step.
  @Test(arguments: ["spsa", "rdsa"], ["sgd", "adam"])
  func lookaheadPairTakesTheBetterOfItsTwoMoves(source: String, update: String) throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: source, update: update), settings: [("lookahead", 1)],
      on: .shiftedSphere)
    trial.step()
    for _ in 0..<50 {
      let evaluations = trial.evaluator.evaluations
      trial.step()
      let pair = trial.evaluator.probes.points
      #expect(pair.count == 2 && trial.evaluator.evaluations - evaluations == 2)
      let better = try #require(pair.min { $0.loss < $1.loss })
      #expect(trial.optimizer.particles[0].position == better.position)
      #expect(trial.optimizer.particles[0].loss == better.loss)
    }
  }

  /// RandomBestGrad with lookahead lands on its best probe.
  @Test func lookaheadBestGradLandsOnItsBestProbe() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randombestgrad", update: "momentum"), settings: [("lookahead", 1)],
      on: .shiftedSphere)
    trial.step()
    for _ in 0..<30 {
      let before = trial.optimizer.particles[0].loss
      trial.step()
      let best = try #require(trial.evaluator.probes.points.prefix(10).min { $0.loss < $1.loss })
      if best.loss < before {
        #expect(trial.optimizer.particles[0].position == best.position)
        #expect(trial.evaluator.probes.points.count == 10, "the best probe was evaluated again")
      }
    }
  }
}
