import OptimizerCore
import Testing

/// Simulated annealing cools on its schedule, and accepts less as it cools.
@Suite struct SimulatedAnnealingTests {
  private static func temperature(_ trial: OptimizerTrial) throws -> Double {
    try #require(trial.optimizer.inspect().readout("temperature")).value
  }

  private static func acceptance(_ trial: OptimizerTrial) throws -> Double {
    try #require(trial.optimizer.inspect().readout("acceptance")).value
  }

  /// With maxBad out of reach, T is multiplied by α at every
  /// `coolEvery`-th step (to rounding: T is recomputed as T₀·s·αᵏ) and stays
  /// exactly put in between.
  @Test func temperatureFallsByAlphaEveryCoolEverySteps() throws {
    let alpha = 0.9, every = 7
    var trial = try OptimizerTrial(
      "simulated-annealing", settings: [("alpha", alpha), ("coolEvery", Double(every)), ("maxBad", 1e9)],
      on: .sphere)
    trial.step()
    var previous = try Self.temperature(trial)
    #expect(previous > 0 && previous.isFinite)
    for step in 2...100 {
      trial.step()
      let temperature = try Self.temperature(trial)
      let expected = step % every == 0 ? alpha * previous : previous
      #expect(
        abs(temperature - expected) <= 1e-14 * expected, "at step \(step): T = \(temperature), expected \(expected)")
      previous = temperature
    }
  }

  /// T₀ scales the measured spread: T after the first step is exactly
  /// proportional to the `t0` setting (same seed, same samples).
  @Test func startingTemperatureIsAMultipleOfT0() throws {
    var unit = try OptimizerTrial("simulated-annealing", on: .sphere)
    var triple = try OptimizerTrial("simulated-annealing", settings: [("t0", 3)], on: .sphere)
    unit.step()
    triple.step()
    let ratio = try Self.temperature(triple) / Self.temperature(unit)
    #expect(abs(ratio - 3) < 1e-12)
  }

  /// The calibration samples go through the evaluator: the first step
  /// costs them plus the start point and the first candidate.
  @Test func calibrationSamplesAreCounted() throws {
    var trial = try OptimizerTrial("simulated-annealing", on: .sphere)
    trial.step()
    #expect(trial.evaluator.evaluations == 10 + 1 + 1)
    trial.step()
    #expect(trial.evaluator.evaluations == 13)
  }

  /// Without new best points for maxBad steps, T cools even though
  /// coolEvery is never reached.
  @Test func stagnationTriggersACooling() throws {
    var trial = try OptimizerTrial(
      "simulated-annealing", settings: [("coolEvery", 1_000_000), ("maxBad", 5), ("step", 1e-6)], on: .sphere)
    trial.step()
    let start = try Self.temperature(trial)
    trial.run(60)
    #expect(try Self.temperature(trial) < start)
  }

  /// As T falls, fewer worse candidates pass: the recent acceptance rate
  /// is above 0.7 at step 100 (T near its start) and below 0.3 at step
  /// 3000 (T cooled 150 times by 0.95, to about 5e-4 of its start). With
  /// the textbook's fixed step (κ = 0): the default κ = ½ shrinks the step
  /// with √T, which keeps ΔE/T, and so the acceptance rate, about level
  /// near a quadratic minimum (see `stepsShrinkWithTheTemperature`).
  @Test func acceptanceRateFallsAsItCools() throws {
    var trial = try OptimizerTrial(
      "simulated-annealing", settings: [("maxBad", 1e9), ("stepCooling", 0)], on: .sphere)
    trial.run(100)
    let early = try Self.acceptance(trial)
    let hot = try Self.temperature(trial)
    trial.run(2900)
    let late = try Self.acceptance(trial)
    #expect(try Self.temperature(trial) < hot * 1e-2)
    #expect(early > 0.7, "early acceptance \(early)")
    #expect(late < 0.3, "late acceptance \(late)")
  }

  /// With κ = ½ the candidate's distance from the chain shrinks as √T: after
  /// 2000 steps (T down by 0.95¹⁰⁰ ≈ 6e-3) moves are about 13 times shorter.
  @Test func stepsShrinkWithTheTemperature() throws {
    func meanMove(_ trial: OptimizerTrial) -> Double {
      let events = trial.evaluator.events.filter { $0.origin != nil && $0.position != nil }
      return events.map { $0.position!.distance(to: $0.origin!) }.reduce(0, +) / Double(max(events.count, 1))
    }
    var trial = try OptimizerTrial("simulated-annealing", settings: [("maxBad", 1e9)], on: .sphere)
    var early = 0.0, late = 0.0
    for step in 1...2000 {
      trial.step()
      if step > 1 && step <= 41 { early += meanMove(trial) / 40 }
      if step > 1960 { late += meanMove(trial) / 40 }
    }
    #expect(late < early / 5, "moves went from \(early) to \(late)")
    #expect(late > early / 40, "moves shrank faster than √T: \(early) to \(late)")
  }

  /// Every step reports its candidate as accepted or rejected, from the
  /// point the chain stood on.
  @Test func everyCandidateIsReportedOnce() throws {
    var trial = try OptimizerTrial("simulated-annealing", on: .sphere)
    for _ in 0..<50 {
      let origin = trial.optimizer.particles[0].position
      trial.step()
      let decisions = trial.evaluator.events.filter { $0.kind == .accept || $0.kind == .reject }
      #expect(decisions.count == 1)
      #expect(decisions.first?.origin == origin)
    }
  }
}
