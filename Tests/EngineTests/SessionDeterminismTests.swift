import Engine
import OptimizerCore
import Testing

/// The same setups and seed give bit-identical runs; different runs and
/// different seeds get different streams.
@Suite struct SessionDeterminismTests {
  func trajectory(_ optimizer: String, seed: UInt64, steps: Int = 60) throws -> [Particle] {
    var session = try Session(
      landscape: .named("rastrigin"), runs: [RunSetup(OptimizerConfiguration(optimizer))], seed: seed)
    var particles: [Particle] = []
    for _ in 0..<steps {
      session.stepForward()
      particles += session.runs[0].optimizer.particles
    }
    return particles
  }

  @Test(arguments: ["pso", "simulated-annealing", "random-search", "randomgrad", "spsa"])
  func sameSeedGivesBitIdenticalTrajectories(optimizer: String) throws {
    let first = try trajectory(optimizer, seed: 42)
    let second = try trajectory(optimizer, seed: 42)
    #expect(fingerprint(first) == fingerprint(second))
    #expect(first.allSatisfy { $0.position.isFinite })
  }

  @Test func differentSeedsGiveDifferentTrajectories() throws {
    #expect(try fingerprint(trajectory("pso", seed: 1)) != fingerprint(trajectory("pso", seed: 2)))
  }

  @Test func twoRunsOfOneOptimizerGetDifferentStreams() throws {
    var session = try Session(
      landscape: .named("sphere"),
      runs: [RunSetup(OptimizerConfiguration("random-search")), RunSetup(OptimizerConfiguration("random-search"))],
      seed: 5)
    for _ in 0..<10 { session.stepForward() }
    #expect(session.runs[0].start != session.runs[1].start)
    #expect(session.runs[0].best != session.runs[1].best)
  }

  @Test func drawnStartsAvoidTheDomainCentre() throws {
    let session = try Session(
      landscape: .named("sphere"), runs: (0..<8).map { _ in RunSetup(OptimizerConfiguration("adam")) }, seed: 3)
    for run in session.runs {
      #expect(run.start.norm > 0.1 * 10.24 / 2, "start \(run.start) lies too close to the centre")
    }
  }
}
