import OptimizerCore
import Testing

/// `shots`: every random source averages k independent estimates per step,
/// paying for each, so under noise the estimate's variance falls by k.
@Suite struct ShotsTests {
  /// Each source and the estimate it averages: ĝ, or for spsa2, whose ĝ
  /// is solved against H̄, the Hessian estimate (its rows H̄1, H̄2).
  static let sources = [
    ("randomgrad", ["ĝ"]), ("randombestgrad", ["ĝ"]), ("spsa", ["ĝ"]), ("rdsa", ["ĝ"]),
    ("gaussian-smoothing", ["ĝ"]), ("spsa2", ["H̄1", "H̄2"]), ("guided-es", ["ĝ"]),
  ]

  /// The first estimate (the named vectors end to end) at the noisy
  /// sphere's start, one draw per seed.
  private static func firstEstimates(
    _ source: String, _ names: [String], shots: Int, draws: Int
  ) throws -> [Vector] {
    try (1...draws).map { seed in
      var trial = try OptimizerTrial(
        "descent", parts: DescentParts(gradient: source, update: "sgd"), settings: [("shots", Double(shots))],
        on: .noisySphere, seed: UInt64(seed))
      trial.step()
      let vectors = trial.optimizer.inspect().vectors
      return Vector(try names.flatMap { name in try #require(vectors.first { $0.name == name }).vector.components })
    }
  }

  /// The total variance Σᵢ Var(ĝᵢ) of a sample of estimates.
  private static func totalVariance(_ estimates: [Vector]) -> Double {
    let count = Double(estimates.count)
    let mean = estimates.dropFirst().reduce(estimates[0], +) / count
    return estimates.map { $0.distance(to: mean) * $0.distance(to: mean) }.reduce(0, +) / (count - 1)
  }

  /// With σ = 0.5 noise, four shots divide the variance of ĝ at a fixed
  /// point by about four (2.5…6 over 400 draws each).
  @Test(arguments: sources)
  func fourShotsDivideTheVarianceByAboutFour(source: String, estimate: [String]) throws {
    let single = Self.totalVariance(try Self.firstEstimates(source, estimate, shots: 1, draws: 400))
    let averaged = Self.totalVariance(try Self.firstEstimates(source, estimate, shots: 4, draws: 400))
    let ratio = single / averaged
    #expect((2.5...6).contains(ratio), "\(source): variance \(single) with one shot, \(averaged) with four")
  }

  /// Each shot costs the source's evaluations: SPSA's two probes per shot,
  /// Gaussian smoothing's k, RandomGrad's one (f(x) shared, known here).
  @Test(arguments: [("spsa", 2), ("rdsa", 2), ("randomgrad", 1), ("gaussian-smoothing", 8), ("randombestgrad", 10),
    ("spsa2", 4), ("guided-es", 4),
  ])
  func eachShotCostsItsEvaluations(source: String, perShot: Int) throws {
    let start = TestLandscape.shiftedSphere.start
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: source, update: "sgd"), settings: [("shots", 3)],
      on: .shiftedSphere,
      adopting: [Particle(position: start, loss: TestLandscape.shiftedSphere.exactLoss(at: start))])
    trial.step()
    let tracksLoss = ["randomgrad", "randombestgrad", "gaussian-smoothing"].contains(source)
    #expect(trial.evaluator.evaluations == 3 * perShot + (tracksLoss ? 1 : 0))
  }

  /// With several shots a lookahead step lands on the mean, where no probe
  /// was, so the new point is evaluated afresh (one shot reuses its probe).
  @Test func lookaheadWithShotsEvaluatesTheNewPoint() throws {
    let start = TestLandscape.shiftedSphere.start
    let known = [Particle(position: start, loss: TestLandscape.shiftedSphere.exactLoss(at: start))]
    var one = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd"), settings: [("lookahead", 1)],
      on: .shiftedSphere, adopting: known)
    var three = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd"),
      settings: [("lookahead", 1), ("shots", 3)], on: .shiftedSphere, adopting: known)
    one.step()
    three.step()
    let loss = try #require(three.optimizer.particles.first?.loss)
    #expect(one.evaluator.evaluations <= 2)
    #expect(three.evaluator.evaluations == 4)
    #expect(loss == TestLandscape.shiftedSphere.exactLoss(at: three.optimizer.particles[0].position))
  }
}
