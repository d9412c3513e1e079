import Engine
import OptimizerCore
import Testing

/// Stepping back across keyframes gives the states that stepping forward
/// went through, bit for bit, whatever the optimizers, seeds and live
/// changes: a mark is rebuilt by playing the iterations since its keyframe
/// again on the deterministic engine.
@Suite struct KeyframeHistoryTests {
  static let optimizers = ["pso", "cma-es", "adam", "simulated-annealing", "eki", "gravity-swarm", "adaptive-order-walk", "spsa"]

  /// Every run's particles, evaluations, steps and best, as bits.
  static func state(_ session: Session) -> [[UInt64]] {
    session.runs.map { run in
      fingerprint(run.optimizer.particles) + [UInt64(run.evaluations), UInt64(run.steps)]
        + (run.best.map { [$0.loss.bitPattern] + $0.position.components.map(\.bitPattern) } ?? [])
    }
  }

  /// A live change drawn from `generator`: noise, a dropped particle or a swap.
  static func change(_ session: Session, _ generator: inout SeededGenerator) -> Command {
    let run = session.runs[generator.integer(below: session.runs.count)].id
    switch generator.integer(below: 3) {
    case 0: return .setNoise(generator.integer(below: 2) == 0 ? 0.01 : 0)
    case 1: return .dropParticle(run: run, at: Vector([generator.uniform() * 8 - 4, generator.uniform() * 8 - 4]))
    default: return .swapOptimizer(run: run, OptimizerConfiguration(optimizers[generator.integer(below: optimizers.count)]))
    }
  }

  @Test(arguments: 0..<16)
  func steppingBackRetracesSteppingForward(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed), stream: 0x6B65_7966)
    let interval = generator.integer(in: 1...7)
    let names = (0..<2).map { _ in Self.optimizers[generator.integer(below: Self.optimizers.count)] }
    var session = try Session(
      landscape: .named("rastrigin"), runs: names.map { RunSetup(OptimizerConfiguration($0)) }, seed: UInt64(seed),
      historyKeyframeInterval: interval)
    var states = [Self.state(session)]
    for _ in 1...30 {
      // A live change now and then: a keyframe of its own among the marks.
      if generator.integer(below: 5) == 0 {
        try session.apply(Self.change(session, &generator))
        states.append(Self.state(session))
      }
      session.stepForward()
      states.append(Self.state(session))
    }
    while session.stepBack() != nil {
      states.removeLast()
      #expect(Self.state(session) == states.last!, "K = \(interval), \(names), step \(session.step)")
    }
    #expect(states.count == 1)
  }

  @Test func aBigSwarmKeepsAKeyframeOnlyEveryFewSteps() throws {
    // About 2 MB a snapshot: one keyframe per 31 steps, so 40 steps keep two.
    let swarm = RunSetup(OptimizerConfiguration("pso", settings: [("particles", 10_000)]))
    var session = try Session(landscape: .named("sphere"), runs: [swarm], seed: 2)
    for _ in 0..<40 { session.stepForward() }
    #expect(session.stepsBack == 40)
    #expect(session.historyBytes < 3 * 2_200_000)
  }
}
