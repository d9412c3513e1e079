import OptimizerCore
import Testing

/// ← → on a log-scale hyperparameter land on round values: 1, 2 and 5 in
/// every decade; shift moves three of them, a decade.
@Suite struct LogNotchTests {
  let lr = HyperparameterSpec("lr", symbol: "η", default: 0.01, range: 1e-6...10, scale: .log, help: "step size")

  @Test func notchesLandOnOneTwoAndFivePerDecade() {
    var value = 0.01
    var upward: [Double] = []
    for _ in 0..<7 {
      value = lr.stepped(value, by: 1)
      upward.append(value)
    }
    #expect(upward == [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
    var downward: [Double] = []
    for _ in 0..<4 {
      value = lr.stepped(value, by: -1)
      downward.append(value)
    }
    #expect(downward == [1, 0.5, 0.2, 0.1])
    #expect(lr.stepped(2e-5, by: -1) == 1e-5 && lr.stepped(5e-6, by: -1) == 2e-6)
  }

  @Test func aValueBetweenNotchesMovesToTheNextRoundOneEitherWay() {
    #expect(lr.stepped(0.0137, by: 1) == 0.02)
    #expect(lr.stepped(0.0137, by: -1) == 0.01)
    #expect(lr.stepped(0.3, by: 1) == 0.5 && lr.stepped(0.3, by: -1) == 0.2)
  }

  @Test func shiftMovesADecadeOfThreeNotchesAndStaysInRange() {
    #expect(lr.stepped(0.01, by: 1, coarse: true) == 0.1)
    #expect(lr.stepped(0.02, by: -1, coarse: true) == 0.002)
    #expect(lr.stepped(0.0137, by: 1, coarse: true) == 0.1)
    #expect(lr.stepped(5, by: 1, coarse: true) == 10, "kept in range")
    #expect(lr.stepped(2e-6, by: -1, coarse: true) == 1e-6)
  }
}

/// f* is the landscape's minimum, from which gaps are measured; a swarm's
/// best so far is not labelled so.
@Suite struct SwarmBestLabelTests {
  @Test(arguments: ["pso", "gravity-swarm"])
  func theSwarmsBestIsNotLabelledFStar(name: String) throws {
    var rng = SeededGenerator(seed: 1)
    let optimizer = try OptimizerRegistry.make(
      OptimizerConfiguration(name), adopting: [Particle(position: [1, 1])],
      context: StepContext(domain: .cube(-2, 2, dimension: 2)), rng: &rng)
    let best = try #require(optimizer.inspect().readout("best"))
    #expect(best.symbol != "f*")
  }
}
