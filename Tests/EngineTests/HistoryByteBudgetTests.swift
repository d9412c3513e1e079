import Engine
import OptimizerCore
import Testing

/// The history keeps within its byte budget under a big swarm by dropping
/// its oldest steps, and what it keeps still restores exactly.
@Suite struct HistoryByteBudgetTests {
  static let swarm = RunSetup(OptimizerConfiguration("pso", settings: [("particles", 10_000)]))

  @Test func aTenThousandParticleSwarmKeepsWithinTheBudget() throws {
    let budget = 8 << 20
    var session = try Session(
      landscape: .named("rastrigin"), runs: [Self.swarm], seed: 3, historyByteBudget: budget, logsProbes: true)
    #expect(session.historyByteBudget == budget)
    var states: [[UInt64]] = []
    for _ in 0..<24 {
      states.append(fingerprint(session.runs[0].optimizer.particles))
      session.stepForward()
      #expect(session.historyBytes <= budget)
    }
    // Each step holds 10 000 particles with a velocity and a personal best,
    // and 10 000 probes: over half a megabyte however it is counted.
    let kept = session.stepsBack
    #expect(kept >= 1 && kept < 24)
    #expect(session.historyBytes >= kept * 10_000 * 3 * 16)
    for back in 1...kept {
      #expect(session.stepBack() == .iteration)
      #expect(fingerprint(session.runs[0].optimizer.particles) == states[24 - back])
    }
    #expect(session.stepBack() == nil)
    #expect(session.historyBytes == 0)
  }

  @Test func theNewestStepIsKeptEvenOverTheBudget() throws {
    var session = try Session(landscape: .named("sphere"), runs: [Self.swarm], seed: 3, historyByteBudget: 1)
    for _ in 0..<3 { session.stepForward() }
    #expect(session.stepsBack == 1)
    #expect(session.stepBack() == .iteration)
    #expect(session.step == 2)
  }

  @Test func aSmallSessionStillKeepsItsFullDepth() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("pso"))], seed: 1, historyDepth: 1000)
    for _ in 0..<1200 { session.stepForward() }
    #expect(session.stepsBack == 1000)
    #expect(session.historyBytes < Session.defaultHistoryByteBudget / 10)
  }
}
