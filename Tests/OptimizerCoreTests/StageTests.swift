import OptimizerCore
import Testing

/// An update taken apart (`Optimizer.stages`) shows the numbers of the step
/// that really follows: its last stage lands exactly where the step does,
/// and asking for the stages changes nothing.
@Suite struct StageTests {
  /// The stages of the trial's next step, asked the way the engine asks
  /// (on a step begun on a copy of the evaluator).
  func nextStages(_ trial: OptimizerTrial, particle: Int = 0) -> [InspectionStage] {
    var evaluator = trial.evaluator
    evaluator.beginStep()
    return trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: particle)
  }

  func vector(_ symbol: String, in stage: InspectionStage?) -> Vector? {
    for case .vector(let name, let value) in stage?.values ?? [] where name == symbol { return value }
    return nil
  }

  func number(_ symbol: String, in stage: InspectionStage?) -> Double? {
    for case .number(let name, let value) in stage?.values ?? [] where name == symbol { return value }
    return nil
  }

  func stage(_ name: String, in stages: [InspectionStage]) -> InspectionStage? { stages.first { $0.name == name } }

  @Test(arguments: [
    DescentParts(gradient: "spsa", update: "sgd"), DescentParts(gradient: "analytic", update: "adam"),
    DescentParts(gradient: "spsa", update: "momentum", guards: ["undo"]),
  ])
  func descentMoveStageLandsOnTheNextStep(parts: DescentParts) throws {
    var trial = try OptimizerTrial("descent", parts: parts, on: .rosenbrock)
    for _ in 0..<6 {
      let stages = nextStages(trial)
      #expect(stages.first?.name == "estimate" && stages.last?.name == "move")
      trial.step()
      let after = try #require(vector("x′", in: stages.last))
      #expect(after.components.map(\.bitPattern) == trial.optimizer.particles[0].position.components.map(\.bitPattern))
      let inspection = trial.optimizer.inspect()
      let estimate = try #require(inspection.vectors.first { $0.name == "ĝ" }?.vector)
      #expect(vector("ĝ", in: stages.first) == estimate, "the estimate stage shows the ĝ the step used")
      #expect(vector("Δ", in: stages.last) == inspection.vectors.first { $0.name == "Δ" }?.vector)
    }
  }

  @Test func askingForStagesChangesNothing() throws {
    var asked = try OptimizerTrial("adam", on: .rosenbrock)
    var untouched = try OptimizerTrial("adam", on: .rosenbrock)
    for _ in 0..<5 {
      let dump = stateDump(asked.optimizer)
      _ = nextStages(asked)
      #expect(stateDump(asked.optimizer) == dump)
      asked.step()
      untouched.step()
    }
    #expect(fingerprint(asked.optimizer.particles) == fingerprint(untouched.optimizer.particles))
  }

  @Test func adamScalingShowsTheMomentsOfTheStep() throws {
    var trial = try OptimizerTrial("adam", on: .sphere)
    trial.run(3)
    let stages = nextStages(trial)
    #expect(stages.map(\.name) == ["estimate", "momentum blend", "Adam scaling", "guard", "move"])
    let scaling = stage("Adam scaling", in: stages)
    #expect(number("t", in: scaling) == 4)
    let mHat = try #require(vector("M", in: scaling)), scale = try #require(vector("√V", in: scaling))
    let eta = try #require(number("η", in: scaling)), eps = try #require(number("ε", in: scaling))
    let delta = try #require(vector("Δ", in: scaling))
    for i in 0..<2 { #expect(delta[i] == -eta * mHat[i] / (scale[i] + eps)) }
    let x = try #require(vector("x", in: stages.last))
    #expect(vector("x′", in: stages.last) == x + delta, "the move adds Adam's Δ")
    trial.step()
    #expect(trial.optimizer.particles[0].position == x + delta)
  }

  @Test(arguments: ["pso", "empso"]) func swarmStagesFollowOneParticle(name: String) throws {
    var trial = try OptimizerTrial(name, settings: [("particles", 8)], on: .rosenbrock)
    for step in 0..<5 {
      let followed = step % 8
      let stages = nextStages(trial, particle: followed)
      #expect(stages.map(\.name) == ["inertia", "pull to its own best", "pull to the swarm's best", "sum", "move"])
      trial.step()
      let particle = trial.optimizer.particles[followed]
      #expect(vector("v′", in: stage("sum", in: stages)) == particle.velocity, "the sum is the velocity the step made")
      #expect(vector("x′", in: stages.last) == particle.position)
      #expect(number("f(x′)", in: stages.last)?.bitPattern == particle.loss.bitPattern)
    }
  }

  @Test func annealingStagesEndInTheVerdictTheStepReached() throws {
    var trial = try OptimizerTrial("simulated-annealing", on: .rosenbrock)
    var sawRejection = false, sawDraw = false
    for _ in 0..<40 {
      let stages = nextStages(trial)
      trial.step()
      #expect(stages.prefix(4).map(\.name) == ["proposal", "ΔE", "P = exp(−ΔE/T)", "the random draw"])
      let energy = stage("ΔE", in: stages)
      let (fx, fy) = (try #require(number("f(x)", in: energy)), try #require(number("f(y)", in: energy)))
      #expect(number("ΔE", in: energy) == (fy == fx ? 0 : fy - fx))
      let event = try #require(trial.evaluator.events.last)
      #expect(stages.last?.name == (event.kind == .accept ? "accept" : "reject"))
      #expect(vector("y", in: stages.first) == event.position)
      if let u = number("u", in: stage("the random draw", in: stages)), let p = number("P", in: stage("P = exp(−ΔE/T)", in: stages)) {
        sawDraw = true
        #expect((u < p) == (event.kind == .accept))
      }
      if event.kind == .reject { sawRejection = true }
      #expect(vector("x′", in: stages.last) == trial.optimizer.particles[0].position)
    }
    #expect(sawRejection && sawDraw, "forty steps drew and rejected at least once")
  }

  @Test func optimizersWithoutStagesGiveNone() throws {
    let trial = try OptimizerTrial("nelder-mead", on: .rosenbrock)
    #expect(nextStages(trial).isEmpty)
  }
}

/// A fixed-order walk's stages integrate its order stack down.
@Suite struct WalkStageTests {
  @Test func theStackIsIntegratedDownToTheCandidate() throws {
    var trial = try OptimizerTrial("nth-order-walk", settings: [("order", 3)], on: .rosenbrock)
    for _ in 0..<8 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      #expect(stages.dropLast().map(\.name) == ["top order drawn", "integrate order 1", "integrate order 0", "candidate"])
      func vector(_ symbol: String, _ stage: InspectionStage) -> Vector? {
        for case .vector(let name, let value) in stage.values where name == symbol { return value }
        return nil
      }
      for (stage, i) in zip(stages[1...2], [1, 0]) {
        let (d, above, c) = (vector("d[\(i)]", stage), vector("c[\(i + 1)]", stage), vector("c[\(i)]", stage))
        #expect(c == d.flatMap { d in above.map { d + $0 } }, "c[i] = d[i] + c[i+1]")
      }
      trial.step()
      #expect(vector("x′", stages[stages.count - 1]) == trial.optimizer.particles[0].position)
      #expect(stages.last?.name == (trial.evaluator.events.last?.kind == .accept ? "accept" : "reject"))
    }
  }
}

/// CMA-ES takes a generation apart: sample, rank, recombine, adapt σ.
@Suite struct EvolutionStageTests {
  @Test func theRecombinedMeanAndSigmaAreTheGenerationsOwn() throws {
    var trial = try OptimizerTrial("cma-es", on: .rosenbrock)
    trial.run(2)
    for _ in 0..<4 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      #expect(stages.map(\.name) == ["sample", "rank", "recombine", "adapt σ"])
      trial.step()
      var mean: Vector?, sigma: Double?
      for case .vector("m′", let value) in stages[2].values { mean = value }
      for case .number("σ′", let value) in stages[3].values { sigma = value }
      let marks = trial.optimizer.inspect().overlays.compactMap { overlay -> Vector? in
        if case .mark(let at, .mean) = overlay { return at }
        return nil
      }
      #expect(marks == [try #require(mean)])
      #expect(trial.optimizer.inspect().readout("sigma")?.value == sigma)
      let ranked = stages[1].values.compactMap { value -> Double? in
        if case .number(_, let loss) = value { return loss }
        return nil
      }
      #expect(ranked == ranked.sorted(), "ranked best first")
    }
  }
}

/// Threshold accepting and the natural evolution strategies take their
/// steps apart too.
@Suite struct MoreStageTests {
  func nextStages(_ trial: OptimizerTrial) -> [InspectionStage] {
    var evaluator = trial.evaluator
    evaluator.beginStep()
    return trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
  }

  @Test func thresholdAcceptingEndsInTheStepsVerdict() throws {
    var trial = try OptimizerTrial("threshold-accepting", on: .rosenbrock)
    for _ in 0..<20 {
      let stages = nextStages(trial)
      trial.step()
      #expect(stages.prefix(3).map(\.name) == ["proposal", "ΔE", "threshold"])
      #expect(stages.last?.name == (trial.evaluator.events.last?.kind == .accept ? "accept" : "reject"))
      var landed: Vector?
      for case .vector("x′", let x) in stages.last?.values ?? [] { landed = x }
      #expect(landed == trial.optimizer.particles[0].position)
    }
  }

  @Test(arguments: ["xnes", "snes"]) func naturalStrategiesRecombineToTheNextMean(name: String) throws {
    var trial = try OptimizerTrial(name, on: .rosenbrock)
    trial.run(2)
    for _ in 0..<3 {
      let stages = nextStages(trial)
      #expect(stages.map(\.name) == ["sample", "rank", "recombine", "adapt σ"])
      trial.step()
      var mean: Vector?, sigma: Double?
      for case .vector("μ′", let value) in stages[2].values { mean = value }
      for case .number("σ′", let value) in stages[3].values { sigma = value }
      let marks = trial.optimizer.inspect().overlays.compactMap { overlay -> Vector? in
        if case .mark(let at, .mean) = overlay { return at }
        return nil
      }
      #expect(marks == [try #require(mean)])
      #expect(trial.optimizer.inspect().readout("sigma")?.value == sigma)
    }
  }
}
