#if canImport(Glibc)
import Glibc
#endif
import OptimizerCore
import Testing

/// What each gradient source costs and what it estimates.
@Suite struct GradientSourceTests {
  private static func descent(_ gradient: String, update: String = "sgd", settings: [(String, Double)] = [],
    adopting particles: [Particle]? = nil) throws -> OptimizerTrial
  {
    try OptimizerTrial(
      "descent", parts: DescentParts(gradient: gradient, update: update), settings: settings,
      on: .shiftedSphere, adopting: particles)
  }

  /// SPSA costs exactly its two probes per step; the first step also
  /// evaluates the adopted point when its loss is unknown.
  @Test func spsaUsesTwoEvaluationsPerStep() throws {
    var unknown = try Self.descent("spsa")
    unknown.step()
    #expect(unknown.evaluator.evaluations == 3)
    for step in 2...20 {
      unknown.step()
      #expect(unknown.evaluator.evaluations == 3 + 2 * (step - 1))
    }
    let start = TestLandscape.shiftedSphere.start
    var known = try Self.descent(
      "spsa", adopting: [Particle(position: start, loss: TestLandscape.shiftedSphere.exactLoss(at: start))])
    known.run(20)
    #expect(known.evaluator.evaluations == 40)
  }

  /// SPSA's preset is descent with spsa + sgd and the preset's c = 1e-4·w
  /// in place of the part's 1e-2·w, and costs the same.
  @Test func spsaPresetIsTheSameDescentWithASmallerPerturbation() throws {
    var preset = try OptimizerTrial("spsa", on: .shiftedSphere)
    let width = TestLandscape.shiftedSphere.domain.width
    #expect(preset.optimizer.hyperparameters["c"] == 1e-4 * width)
    #expect(try Self.descent("spsa").optimizer.hyperparameters["c"] == 1e-2 * width)
    var composed = try Self.descent("spsa", settings: [("c", 1e-4 * width)])
    preset.run(10)
    composed.run(10)
    #expect(fingerprint(preset.optimizer.particles) == fingerprint(composed.optimizer.particles))
    #expect(preset.evaluator.evaluations == composed.evaluator.evaluations)
    #expect(preset.optimizer.kind.parts == DescentParts(gradient: "spsa", update: "sgd"))
  }

  /// Finite differences cost 2n evaluations and agree with the analytic
  /// gradient of a quadratic (central differences are exact on it, up to
  /// rounding).
  @Test func finiteDifferencesMatchTheAnalyticGradient() throws {
    var trial = try Self.descent("fd")
    trial.step()
    #expect(trial.evaluator.evaluations == 1 + 2 * 3)
    let g = try #require(trial.optimizer.inspect().vectors.first { $0.name == "ĝ" }).vector
    let exact = TestLandscape.shiftedSphere.objective.gradient(at: TestLandscape.shiftedSphere.start)
    #expect(g.distance(to: exact) < 1e-6 * exact.norm, "fd \(g) vs ∇f \(exact)")
  }

  /// With stepOpposite off, a worse probe gives ĝ = 0: over 100 steps some
  /// probes are worse and those steps stay put. With it on, a worse probe
  /// sends the step the other way, so every step moves.
  @Test func randomGradStepOppositeDecidesWhetherAWorseProbeMoves() throws {
    var still = try Self.descent("randomgrad", settings: [("stepOpposite", 0)])
    var stays = 0
    for _ in 0..<100 {
      let before = still.optimizer.particles[0].position
      still.step()
      if still.optimizer.particles[0].position == before { stays += 1 }
    }
    #expect(stays > 0)
    var opposite = try Self.descent("randomgrad")
    for _ in 0..<100 {
      let before = opposite.optimizer.particles[0].position
      opposite.step()
      #expect(opposite.optimizer.particles[0].position != before)
    }
  }

  /// RandomGrad costs one probe per step plus f at each new point, which
  /// it compares against on the next step.
  @Test func randomGradCachesTheLossAtX() throws {
    var trial = try Self.descent("randomgrad")
    trial.step()
    #expect(trial.evaluator.evaluations == 3)
    trial.run(9)
    #expect(trial.evaluator.evaluations == 3 + 2 * 9)
    #expect(trial.optimizer.particles[0].loss.isFinite)
  }

  /// With Spall's gains, c_k = c/k^0.101 and the gain a_k/a₁ decays as
  /// ((A+1)/(A+k))^0.602 with A = 0.1·budget.
  @Test func spsaGainsFollowSpallsSchedule() throws {
    var trial = try OptimizerTrial(
      "spsa", settings: [("gains", 1)], on: .shiftedSphere, evaluationBudget: 1000)
    let c = trial.optimizer.hyperparameters["c"]
    trial.run(10)
    let inspection = trial.optimizer.inspect()
    let ck = try #require(inspection.readout("perturbation")).value
    let gain = try #require(inspection.readout("gain")).value
    #expect(abs(ck - c / pow(10, 0.101)) < 1e-12 * c)
    #expect(abs(gain - pow(101.0 / 110.0, 0.602)) < 1e-12)
  }
}
