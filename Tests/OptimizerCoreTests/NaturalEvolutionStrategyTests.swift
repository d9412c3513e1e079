import Testing

@testable import OptimizerCore

/// xNES and sNES: their utilities and their convergence.
@Suite struct NaturalEvolutionStrategyTests {
  /// The utilities sum to 0, fall with rank, are positive for the best
  /// and −1/λ for the worse half.
  @Test(arguments: [2, 3, 6, 7, 10, 50])
  func utilitiesSumToZero(count lambda: Int) {
    let u = NESUtilities.utilities(count: lambda)
    #expect(u.count == lambda)
    #expect(abs(u.reduce(0, +)) < 1e-15)
    #expect(u[0] > 0)
    for i in 1..<lambda { #expect(u[i] <= u[i - 1]) }
    #expect(abs(u[lambda - 1] + 1 / Double(lambda)) < 1e-15)
  }

  /// Both converge on the 3-D shifted sphere, whose box is not symmetric
  /// about the minimum, and σ shrinks by many orders on the way.
  @Test(arguments: ["xnes", "snes"])
  func convergeOnTheSphere(name: String) throws {
    var trial = try OptimizerTrial(name, on: .shiftedSphere)
    trial.step()
    let start = try #require(trial.optimizer.inspect().readout("sigma")).value
    trial.run(299)
    #expect(trial.reachedExactLoss < 1e-12)
    #expect(try #require(trial.optimizer.inspect().readout("sigma")).value < start * 1e-5)
  }

  /// xNES's shape B keeps det B = 1: its search ellipse's area is
  /// π·(2σ)² — the scale is σ's alone — however stretched it gets.
  @Test func xnesLeavesTheScaleToSigma() throws {
    var trial = try OptimizerTrial("xnes", on: .rosenbrock)
    for _ in 0..<60 {
      trial.step()
      let inspection = trial.optimizer.inspect()
      let sigma = try #require(inspection.readout("sigma")).value
      for overlay in inspection.overlays {
        guard case .ellipse(_, let axes, .sampling) = overlay else { continue }
        let product = axes[0].norm * axes[1].norm
        #expect(abs(product / (4 * sigma * sigma) - 1) < 1e-9)
      }
    }
  }
}
