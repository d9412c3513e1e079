import OptimizerCore
import Testing

/// Every population method places the members it did not adopt by its
/// `init` setting: point, gaussian, uniform or stratified.
@Suite struct PopulationInitializationTests {
  static let populations = ["pso", "empso", "eki", "gravity-swarm", "optimizer-evolution"]

  /// The options of `init`, by name.
  private static func option(_ name: String, of optimizer: String) throws -> Double {
    let spec = try #require(
      try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: optimizer), domain: TestLandscape.sphere.domain)
        .spec(named: "init"))
    return try #require(spec.parse(name))
  }

  /// `point` puts every member on the start; `gaussian` spreads them
  /// around it by about 0.1·w; `uniform` and `stratified` over the domain.
  @Test(arguments: populations)
  func membersArePlacedByInit(optimizer: String) throws {
    let start = TestLandscape.sphere.start
    func distances(_ scheme: String) throws -> [Double] {
      let trial = try OptimizerTrial(
        optimizer, settings: [("init", try Self.option(scheme, of: optimizer))], on: .sphere)
      #expect(trial.optimizer.particles.count > 1)
      return trial.optimizer.particles.map { $0.position.distance(to: start) }
    }
    #expect(try distances("point").allSatisfy { $0 == 0 })
    let gaussian = try distances("gaussian")
    #expect(gaussian.dropFirst().allSatisfy { $0 > 0 } && gaussian.allSatisfy { $0 < 5 })
    for scheme in ["uniform", "stratified"] {
      #expect(try distances(scheme).dropFirst().contains { $0 > 5 }, "\(scheme)")
    }
  }
}
