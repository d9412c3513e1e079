import Engine
import OptimizerCore
import Testing

/// Sensible defaults: every descent preset, run with its defaults from a
/// random start, reaches 1e-4 of the sphere's minimum within 2000
/// evaluations, for each of the bench's 20 seeds (the plan
/// `optiscope bench run --landscapes sphere --seeds 20 --evals 2000` runs).
@Suite struct DescentDefaultsTests {
  /// Every descent preset: the descent family but `descent` itself, which
  /// only frames the parts a user picks.
  static let presets = OptimizerRegistry.entries.filter { $0.descriptor.family == .descent && !$0.asksForParts }
    .map(\.name)

  @Test func thePresetsIncludeEveryCommonName() {
    let named = [
      "gd", "adam", "randomgrad", "randombestgrad", "spsa", "adamspsa", "spsa2", "guided-es", "ensemble",
      "momentum", "nesterov", "sign", "rmsprop", "adagrad",
    ]
    #expect(Set(named).subtracting(Self.presets).isEmpty, "missing presets: \(Set(named).subtracting(Self.presets))")
  }

  @Test(arguments: presets)
  func reachesTheSphereMinimumFromEverySeed(preset: String) throws {
    let plan = BenchPlan(
      optimizers: [(preset, OptimizerConfiguration(preset))], landscapes: [.named("sphere")], seeds: 20,
      evaluations: 2000)
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    #expect(records.count == 20)
    let missed = records.filter { !$0.succeeded }
    #expect(
      missed.isEmpty,
      "\(preset) ends more than 1e-4 above f* on seeds \(missed.map(\.seed)), gaps \(missed.compactMap(\.gap))")
  }
}
