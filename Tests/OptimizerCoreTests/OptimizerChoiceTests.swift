import OptimizerCore
import Testing

/// `OptimizerChoice`: the one check from what a user named to a recipe.
@Suite struct OptimizerChoiceTests {
  private static let domain = Domain.cube(-5, 5, dimension: 2)

  @Test func aNameAloneKeepsThePresetsPartsImplicit() throws {
    let configuration = try OptimizerChoice("adam").configuration(on: Self.domain)
    #expect(configuration == OptimizerConfiguration("adam"))
  }

  @Test func namedPartsFillTheRestFromThePreset() throws {
    let choice = OptimizerChoice("gravity-swarm", parts: .init(update: "adam"))
    let configuration = try choice.configuration(on: Self.domain)
    #expect(configuration.kind.parts == DescentParts(gradient: "randomgrad", update: "adam", guards: ["undo"]))
    let noGuards = try OptimizerChoice("gravity-swarm", parts: .init(guards: [])).configuration(on: Self.domain)
    #expect(noGuards.kind.parts?.guards == [])
  }

  @Test func settingsAreReadAsTextAndKeptInOrder() throws {
    let choice = OptimizerChoice(
      "pso", settings: [HyperparameterSetting("omega", "0.5"), HyperparameterSetting("particles", "12")])
    let configuration = try choice.configuration(on: Self.domain)
    #expect(configuration.settings == [.init("omega", 0.5), .init("particles", 12)])
  }

  @Test func anUnknownNameIsANameError() {
    #expect(throws: ConfigurationError.name(.unknownOptimizer("psoo", suggestion: "pso"))) {
      try OptimizerChoice("psoo").configuration(on: Self.domain)
    }
  }

  @Test func partsOnANonDescentOptimizerAreAPartsError() {
    #expect(throws: ConfigurationError.parts(.partsNotAccepted(optimizer: "pso", parts: "spsa, undo"))) {
      try OptimizerChoice("pso", parts: .init(gradient: "spsa", guards: ["undo"])).configuration(on: Self.domain)
    }
  }

  @Test func anUnknownPartIsAPartsError() {
    let error = ConfigurationError.parts(
      .unknownPart(role: "update rule", name: "adma", suggestion: "adam", known: DescentParts.updateNames))
    #expect(throws: error) {
      try OptimizerChoice("descent", parts: .init(update: "adma")).configuration(on: Self.domain)
    }
  }

  @Test func aBadSettingSaysWhichOneAndWhy() throws {
    let settings = [HyperparameterSetting("omega", "0.5"), HyperparameterSetting("omgea", "1")]
    // The names as resolved on the domain: per-axis settings once per axis (mean.1, mean.2).
    let known = try OptimizerRegistry.hyperparameters(for: OptimizerKind(name: "pso"), domain: Self.domain).names
    #expect(known.contains("mean.2") && !known.contains("mean"))
    let error = ConfigurationError.setting(
      index: 1, optimizer: "pso", .unknownName("omgea", suggestion: "omega", known: known))
    #expect(throws: error) { try OptimizerChoice("pso", settings: settings).configuration(on: Self.domain) }
    #expect(error.description == "pso has no hyperparameter 'omgea'; did you mean 'omega'? (known: \(known.joined(separator: ", ")))")
  }

  @Test func unreadableAndOutOfRangeValuesAreTold() {
    let unreadable = ConfigurationError.setting(
      index: 0, optimizer: "adam", .unreadable(name: "lr", text: "fast", expected: "a number"))
    #expect(throws: unreadable) {
      try OptimizerChoice("adam", settings: [HyperparameterSetting("lr", "fast")]).configuration(on: Self.domain)
    }
    #expect(unreadable.description == "adam: lr expects a number, got 'fast'")
    do {
      _ = try OptimizerChoice("pso", settings: [HyperparameterSetting("particles", "0")]).configuration(on: Self.domain)
      Issue.record("particles = 0 was accepted")
    } catch {
      #expect(error.description.hasPrefix("pso: particles = 0 is out of range; valid range is"))
    }
  }

  /// simulated-annealing's step is at most w, the domain's smallest side.
  @Test func distanceLikeRangesScaleWithTheDomain() {
    let choice = OptimizerChoice("simulated-annealing", settings: [HyperparameterSetting("step", "500")])
    #expect(throws: Never.self) { try choice.configuration(on: .cube(-500, 500, dimension: 2)) }
    #expect(throws: ConfigurationError.self) { try choice.configuration(on: Self.domain) }
  }
}
