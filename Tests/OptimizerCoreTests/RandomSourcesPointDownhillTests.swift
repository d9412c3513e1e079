import OptimizerCore
import Testing

/// Every random gradient source, with each of its options, estimates a
/// direction that points downhill on average, and costs what it says.
@Suite struct RandomSourcesPointDownhillTests {
  /// f(x) = 3x₀ − 2x₁ + 100 on a box wide enough never to be reached.
  struct TiltedPlane: Objective {
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double { 3 * x[0] - 2 * x[1] + 100 }
    var hasAnalyticGradient: Bool { true }
    func gradient(at x: Vector) -> Vector { [3, -2] }
  }

  private static let plane = TestLandscape(
    name: "tilted plane", objective: TiltedPlane(), domain: .cube(-1000, 1000, dimension: 2), start: [10, -20])

  static let cases: [(String, [(String, Double)])] = [
    ("randomgrad", []),
    ("randombestgrad", []),
    ("randombestgrad", [("average", 1)]),
    ("randombestgrad", [("negateWorst", 0), ("k", 2)]),
    ("spsa", []),
    ("rdsa", []),
    ("rdsa", [("gains", 1)]),
    ("gaussian-smoothing", []),
    ("gaussian-smoothing", [("k", 1)]),
  ]

  /// The ensemble source takes no direction options (its probes are an
  /// ensemble, not directions), so it is checked on its own below.
  static let ensembleCases: [[(String, Double)]] = [[], [("probes", 2)], [("probes", 30), ("spread", 0.1)]]

  /// Over 300 steps the mean ĝ makes an angle under 45° with ∇f, with
  /// fresh or smoothed directions, probing at x + h·u or looking ahead.
  /// (Lookahead SPSA, a sign along ±1 signs, has a bias of 34° here: its
  /// mean is (1, 0) for ∇f = (3, −2).)
  @Test(arguments: cases, [[], [("rho", 0.5)], [("lookahead", 1)]])
  func meanEstimatePointsDownhill(source: (String, [(String, Double)]), option: [(String, Double)]) throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: source.0, update: "sgd"),
      settings: [("lr", 1e-3)] + source.1 + option, on: Self.plane)
    var sum = Vector.zeros(2)
    for _ in 0..<300 {
      trial.step()
      sum += try #require(trial.optimizer.inspect().vectors.first { $0.name == "ĝ" }).vector
    }
    let gradient = Vector([3, -2])
    let cosine = sum.dot(gradient) / (sum.norm * gradient.norm)
    #expect(cosine > 0.7071, "\(source) \(option): mean ĝ \(sum / 300) at cos \(cosine) to ∇f")
  }

  /// On a quadratic f = (x₀ − 1)² + 10·(x₁ + 2)², each ensemble estimate
  /// points downhill on average and, with many probes, is ∇f within 20 %:
  /// C^{xf}/σ² → (J − 1)/J·∇f as the probes sample the plane around x.
  @Test(arguments: ensembleCases)
  func theEnsembleGradientPointsDownhillOnAQuadratic(settings: [(String, Double)]) throws {
    let quadratic = TestLandscape(
      name: "quadratic",
      objective: FunctionObjective(
        dimension: 2, value: { ($0[0] - 1) * ($0[0] - 1) + 10 * ($0[1] + 2) * ($0[1] + 2) },
        gradient: { [2 * ($0[0] - 1), 20 * ($0[1] + 2)] }),
      domain: .cube(-100, 100, dimension: 2), start: [4, 3])
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "ensemble", update: "sgd"), settings: [("lr", 1e-5)] + settings,
      on: quadratic)
    var sum = Vector.zeros(2)
    for _ in 0..<200 {
      trial.step()
      sum += try #require(trial.optimizer.inspect().vectors.first { $0.name == "ĝ" }).vector
    }
    let x = trial.optimizer.particles[0].position
    let gradient = Vector([2 * (x[0] - 1), 20 * (x[1] + 2)])
    let mean = sum / 200
    #expect(mean.dot(gradient) / (mean.norm * gradient.norm) > 0.9, "mean ĝ \(mean), ∇f \(gradient)")
    let j = Double(trial.optimizer.hyperparameters.integer("probes"))
    if j >= 8 { #expect(mean.distance(to: (j - 1) / j * gradient) < 0.2 * gradient.norm, "mean ĝ \(mean), ∇f \(gradient)") }
  }

  /// The ensemble source costs J evaluations a step and shows its probes
  /// (where they were evaluated) as marks with the ensemble role.
  @Test func theEnsembleCostsItsProbesAndShowsThem() throws {
    var trial = try OptimizerTrial("ensemble", on: .shiftedSphere)
    trial.step()
    let first = trial.evaluator.evaluations
    trial.step()
    #expect(trial.evaluator.evaluations - first == 8)
    let probes = trial.evaluator.probes.points.map(\.position)
    let marks = trial.optimizer.inspect().overlays.compactMap { overlay -> [Vector]? in
      if case .marks(let points, role: .ensemble) = overlay { return points }
      return nil
    }
    #expect(marks == [probes])
  }

  /// Evaluations per step once f(x) is known: RandomBestGrad and Gaussian
  /// smoothing k probes plus f at the new point, RDSA its pair.
  @Test(arguments: [("randombestgrad", 10 + 1), ("gaussian-smoothing", 8 + 1), ("rdsa", 2)])
  func costsItsProbesPerStep(source: String, perStep: Int) throws {
    var trial = try OptimizerTrial("descent", parts: DescentParts(gradient: source, update: "sgd"), on: .shiftedSphere)
    trial.step()
    let first = trial.evaluator.evaluations
    trial.run(10)
    #expect(trial.evaluator.evaluations - first == 10 * perStep)
  }

  /// RDSA's δ has length √n, and ĝ is the pair's difference quotient
  /// along it: on a plane, (∇f·δ)·δ exactly up to rounding.
  @Test func rdsaIsTheDifferenceQuotientAlongASphereDirection() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "rdsa", update: "sgd"), settings: [("lr", 1e-3)], on: Self.plane)
    for _ in 0..<20 {
      trial.step()
      let vectors = trial.optimizer.inspect().vectors
      let delta = try #require(vectors.first { $0.name == "δ" }).vector
      let g = try #require(vectors.first { $0.name == "ĝ" }).vector
      #expect(abs(delta.norm - 2.0.squareRoot()) < 1e-12)
      #expect(g.distance(to: delta.dot([3, -2]) * delta) < 1e-9)
    }
  }

  /// RandomBestGrad's ĝ is −u of its best probe: of the k probes logged,
  /// the lowest lies along −ĝ from x.
  @Test func randomBestGradFollowsItsBestProbe() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randombestgrad", update: "sgd"), on: .shiftedSphere)
    trial.step()
    for _ in 0..<20 {
      let x = trial.optimizer.particles[0].position
      trial.step()
      let h = trial.optimizer.hyperparameters["h"]
      let probes = trial.evaluator.probes.points.prefix(10)
      let best = try #require(probes.min { $0.loss < $1.loss })
      let g = try #require(trial.optimizer.inspect().vectors.first { $0.name == "ĝ" }).vector
      #expect(best.position.distance(to: x - h * g) < 1e-12, "best probe \(best.position), x − h·ĝ \(x - h * g)")
    }
  }
}
