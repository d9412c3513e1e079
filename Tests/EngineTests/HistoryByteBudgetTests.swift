import Engine
import OptimizerCore
import Testing

/// The history keeps within its byte budget under a big swarm, by keeping
/// a keyframe only every K steps and dropping its oldest keyframes, and
/// what it keeps still restores exactly.
@Suite struct HistoryByteBudgetTests {
  static let swarm = RunSetup(OptimizerConfiguration("pso", settings: [("particles", 10_000)]))

  @Test func aTenThousandParticleSwarmKeepsWithinTheBudget() throws {
    let budget = 8 << 20
    // A keyframe every 4 steps: six of them would be over the budget.
    var session = try Session(
      landscape: .named("rastrigin"), runs: [Self.swarm], seed: 3, historyByteBudget: budget,
      historyKeyframeInterval: 4, logsProbes: true)
    #expect(session.historyByteBudget == budget)
    var states: [[UInt64]] = []
    let steps = 24
    for _ in 0..<steps {
      states.append(fingerprint(session.runs[0].optimizer.particles))
      session.stepForward()
      #expect(session.historyBytes <= budget)
    }
    // A keyframe holds 10 000 particles with a velocity and a personal
    // best, and 10 000 probes: over half a megabyte however it is counted,
    // so that the budget holds a few of them, each followed by marks.
    let kept = session.stepsBack
    #expect(kept >= 4 && kept < steps)
    #expect(session.historyBytes >= 10_000 * 3 * 16)
    for back in 1...kept {
      #expect(session.stepBack() == .iteration)
      #expect(fingerprint(session.runs[0].optimizer.particles) == states[steps - back])
    }
    #expect(session.stepBack() == nil)
    #expect(session.historyBytes == 0)
  }

  @Test func theNewestKeyframeIsKeptEvenOverTheBudget() throws {
    var session = try Session(landscape: .named("sphere"), runs: [Self.swarm], seed: 3, historyByteBudget: 1)
    for _ in 0..<3 { session.stepForward() }
    // The keyframe before step 1 and the marks of steps 2 and 3.
    #expect(session.stepsBack == 3)
    for step in [2, 1, 0] {
      #expect(session.stepBack() == .iteration)
      #expect(session.step == step)
    }
    #expect(session.stepBack() == nil)
  }

  @Test func aSmallSessionStillKeepsItsFullDepth() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("pso"))], seed: 1, historyDepth: 1000)
    for _ in 0..<1200 { session.stepForward() }
    #expect(session.stepsBack == 1000)
    #expect(session.historyBytes < Session.defaultHistoryByteBudget / 10)
  }
}
