#if canImport(Glibc)
import Glibc
#endif
import OptimizerCore
import Testing

/// The evolution strategy adapts σ by the 1/5th success rule and selects
/// its parents as (μ + λ) or (μ, λ).
@Suite struct EvolutionStrategyTests {
  private static func readout(_ name: String, _ trial: OptimizerTrial) throws -> Double {
    try #require(trial.optimizer.inspect().readout(name)).value
  }

  /// Every generation, σ rises when more than a fifth of the offspring
  /// beat their parents and falls when fewer do, by exactly
  /// exp((p − 1/5)/(4/5)/(1 + n/2)); over the run both happen (σ₀ starts
  /// tiny, so that early on most offspring succeed).
  @Test(arguments: ["plus", "comma"])
  func sigmaFollowsTheOneFifthRule(selection: String) throws {
    let index = selection == "plus" ? 1.0 : 0.0
    var trial = try OptimizerTrial(
      "evolution-strategy", settings: [("selection", index), ("sigma0", 1e-3)], on: .rosenbrock)
    var rises = 0, falls = 0
    for _ in 0..<80 {
      let before = try Self.readout("sigma", trial)
      trial.step()
      let after = try Self.readout("sigma", trial)
      let p = try Self.readout("success-rate", trial)
      let expected = before * exp((p - 0.2) / 0.8 / 2)
      #expect(abs(after - expected) <= 1e-12 * expected)
      if p > 0.2 {
        #expect(after > before)
        rises += 1
      } else if p < 0.2 {
        #expect(after < before)
        falls += 1
      }
    }
    #expect(rises > 0 && falls > 0, "rises \(rises), falls \(falls)")
  }

  /// The success rate counts the offspring that beat their parent: each
  /// step notes one accept or reject per offspring, and the accepted share
  /// is the readout.
  @Test func successRateCountsTheAcceptedOffspring() throws {
    var trial = try OptimizerTrial("evolution-strategy", on: .shiftedSphere)
    for _ in 0..<20 {
      trial.step()
      let decisions = trial.evaluator.events.filter { $0.kind == .accept || $0.kind == .reject }
      #expect(decisions.count == 20)
      let accepted = Double(decisions.filter { $0.kind == .accept }.count) / 20
      #expect(try Self.readout("success-rate", trial) == accepted)
    }
  }

  /// (μ + λ) is elitist: the best parent never gets worse. Parents and
  /// offspring carry their tags, μ and λ of them, and are drawn as marks
  /// of their own roles.
  @Test func plusSelectionKeepsTheBestParent() throws {
    var trial = try OptimizerTrial("evolution-strategy", on: .rosenbrock)
    var previous = Double.infinity
    for _ in 0..<50 {
      trial.step()
      let particles = trial.optimizer.particles
      let parents = particles.filter { $0.tag == "parent" }
      #expect(parents.count == 5)
      #expect(particles.filter { $0.tag == "offspring" }.count == 20)
      let best = parents.map(\.loss).min()!
      #expect(best <= previous)
      previous = best
      let roles = trial.optimizer.inspect().overlays.map(\.role)
      #expect(roles.contains(.parent) && roles.contains(.offspring))
    }
  }

  /// (μ, λ) forgets its parents: the next parents are the μ best offspring.
  @Test func commaSelectionTakesTheBestOffspring() throws {
    var trial = try OptimizerTrial("evolution-strategy", settings: [("selection", 0)], on: .rosenbrock)
    trial.step()
    for _ in 0..<20 {
      trial.step()
      let offspring = trial.optimizer.particles.filter { $0.tag == "offspring" }
      let parents = trial.optimizer.particles.filter { $0.tag == "parent" }
      let bestOffspring = offspring.map(\.loss).sorted().prefix(5)
      #expect(parents.map(\.loss).sorted() == Array(bestOffspring))
    }
  }
}
