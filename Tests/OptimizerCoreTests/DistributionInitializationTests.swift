import Foundation
import OptimizerCore
import Testing

/// `init=distribution`: every new member drawn from the per-axis normal
/// N(μᵢ, sᵢ²) (`mean`, `deviation`), one per stratum of its CDF on each
/// axis, so no two start together.
@Suite struct DistributionInitializationTests {
  static let domain = Domain(axes: [Axis(-10, 10), Axis(-4, 8)])

  /// A population built from what a user types (`mean=1;-2`), adopting
  /// nothing, so every member is drawn.
  private static func members(
    _ optimizer: String = "pso", count: Int, _ settings: [(String, String)], domain: Domain = domain
  ) throws -> [Vector] {
    let choice = OptimizerChoice(
      optimizer,
      settings: [HyperparameterSetting("init", "distribution")] + settings.map { HyperparameterSetting($0.0, $0.1) }
        + [HyperparameterSetting(optimizer == "pso" ? "particles" : "members", String(count))])
    var rng = SeededGenerator(seed: 8)
    let optimizer = try OptimizerRegistry.make(
      try choice.configuration(on: domain), adopting: [], context: StepContext(domain: domain), rng: &rng)
    return optimizer.particles.map(\.position)
  }

  /// The standard normal's CDF, for reading back which stratum a draw fell in.
  private static func cdf(_ x: Double) -> Double {
    // Φ by the same erfc the optimizer uses is not public; a 1e-7-accurate
    // series (Abramowitz–Stegun 7.1.26) is enough to tell strata of 1/20 apart.
    let z = abs(x) / 2.0.squareRoot()
    let t = 1 / (1 + 0.3275911 * z)
    let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    let erf = 1 - poly * exp(-z * z)
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
  }

  /// The defaults are each axis's centre and a quarter of its width, one
  /// setting per axis.
  @Test func eachAxisHasItsOwnMeanAndDeviation() throws {
    let hyperparameters = try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: "pso"), domain: Self.domain)
    #expect(hyperparameters.perAxis("mean") == [0, 2])
    #expect(hyperparameters.perAxis("deviation") == [5, 3])
    #expect(hyperparameters.spec(named: "mean.2")?.range == -4...8)
    #expect(hyperparameters.spec(named: "mean.2")?.symbol == "μ₂")
  }

  /// Each axis's strata are taken once each: with m members, the draws'
  /// probabilities under the truncated normal fall one in each of the m
  /// intervals [k/m, (k+1)/m), and no two members coincide.
  @Test(arguments: [("0;2", "5;3"), ("7;-3", "1;0.5")])
  func everyStratumIsTakenOnce(mean: String, deviation: String) throws {
    let count = 20
    let members = try Self.members(count: count, [("mean", mean), ("deviation", deviation)])
    #expect(members.count == count)
    #expect(Set(members.map(\.components)).count == count)
    let means = mean.split(separator: ";").map { Double($0)! }
    let deviations = deviation.split(separator: ";").map { Double($0)! }
    for (axis, bounds) in Self.domain.axes.enumerated() {
      let (mu, s) = (means[axis], deviations[axis])
      let (low, high) = (Self.cdf((bounds.lower - mu) / s), Self.cdf((bounds.upper - mu) / s))
      let strata = members.map { x in Int(((Self.cdf((x[axis] - mu) / s) - low) / (high - low) * Double(count)).rounded(.down)) }
      #expect(strata.sorted() == Array(0..<count), "axis \(axis + 1): strata \(strata.sorted())")
    }
  }

  /// Away from the axis's ends, the members' mean and standard deviation
  /// are the settings' (the strata make both close even for 400 members).
  @Test func theSampleFollowsTheSettings() throws {
    let wide = Domain.cube(-100, 100, dimension: 2)
    let members = try Self.members(count: 400, [("mean", "3;-20"), ("deviation", "2;10")], domain: wide)
    for (axis, (mu, s)) in [(3.0, 2.0), (-20.0, 10.0)].enumerated() {
      let values = members.map { $0[axis] }
      let mean = values.reduce(0, +) / Double(values.count)
      let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
      #expect(abs(mean - mu) < 0.02 * s, "axis \(axis + 1): mean \(mean)")
      #expect(abs(spread / s - 1) < 0.03, "axis \(axis + 1): spread \(spread)")
    }
  }

  /// Every population method takes the scheme.
  @Test(arguments: ["eki", "gravity-swarm", "optimizer-evolution"])
  func populationsDrawFromTheDistribution(optimizer: String) throws {
    let members = try Self.members(optimizer, count: 6, [("mean", "-5;6"), ("deviation", "0.1")])
    #expect(members.count == 6 && Set(members.map(\.components)).count == 6)
    #expect(members.allSatisfy { abs($0[0] + 5) < 0.5 && abs($0[1] - 6) < 0.5 })
  }

  /// One value sets every axis; another count is refused, saying how many
  /// it takes.
  @Test func aValueListHasOneValuePerAxisOrOne() throws {
    let every = try OptimizerChoice("pso", settings: [HyperparameterSetting("deviation", "0.5")])
      .configuration(on: Self.domain)
    #expect(every.settings == [.init("deviation.1", 0.5), .init("deviation.2", 0.5)])
    do {
      _ = try OptimizerChoice("pso", settings: [HyperparameterSetting("mean", "1;2;3")]).configuration(on: Self.domain)
      Issue.record("three means on two axes were accepted")
    } catch {
      #expect(error.description == "pso: mean expects 2 numbers separated by ';', one per axis, or one number for every axis, got '1;2;3'")
    }
    do {
      _ = try OptimizerChoice("pso", settings: [HyperparameterSetting("mean", "1;20")]).configuration(on: Self.domain)
      Issue.record("a mean off the axis was accepted")
    } catch {
      #expect(error.description.contains("mean.2 = 20 is out of range; valid range is [-4, 8]"))
    }
  }

  /// Past `Limits.perAxisSettings` axes there are no per-axis settings
  /// (the defaults apply), and typing one says why.
  @Test func aDomainOfManyAxesKeepsTheDefaults() throws {
    let many = Domain.cube(-1, 1, dimension: Limits.perAxisSettings + 1)
    let hyperparameters = try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: "pso"), domain: many)
    #expect(hyperparameters.perAxis("mean") == nil && !hyperparameters.contains("mean.1"))
    do {
      _ = try OptimizerChoice("pso", settings: [HyperparameterSetting("mean", "0")]).configuration(on: many)
      Issue.record("a per-axis mean was accepted on \(many.dimension) axes")
    } catch {
      #expect(error.description.contains("mean is set per axis only on domains of at most \(Limits.perAxisSettings) axes"))
    }
    let members = try Self.members(count: 10, [], domain: many)
    #expect(Set(members.map(\.components)).count == 10)
  }
}
