import OptimizerCore
import Testing

/// Names, presets, parts and their suggestions.
@Suite struct RegistryTests {
  private static let domain = Domain.cube(-5, 5, dimension: 2)

  /// Families come in catalog order (`OptimizerFamily.allCases`),
  /// names are unique, and the foundation's names lead their families.
  @Test func registryListsFamiliesInCatalogOrder() {
    let families = OptimizerRegistry.entries.map { OptimizerFamily.allCases.firstIndex(of: $0.descriptor.family)! }
    #expect(families == families.sorted())
    #expect(Set(OptimizerRegistry.names).count == OptimizerRegistry.names.count)
    #expect(
      OptimizerRegistry.names == [
        "descent", "gd", "adam", "momentum", "nesterov", "sign", "rmsprop", "adagrad", "randomgrad", "randombestgrad",
        "spsa", "adamspsa", "spsa2", "guided-es", "ensemble", "nth-order-walk", "adaptive-order-walk", "convex-order-walk", "stp", "simulated-annealing", "threshold-accepting",
        "random-search",
        "accelerated-random-search", "pso", "empso", "adaswarm", "eki", "gravity-swarm", "evolution-strategy", "cma-es",
        "xnes",
        "snes", "optimizer-evolution", "nelder-mead",
      ])
  }

  @Test func registrySuggestsAdamForAdma() {
    #expect(throws: RegistryError.unknownOptimizer("adma", suggestion: "adam")) {
      try OptimizerRegistry.entry(named: "adma")
    }
  }

  @Test(arguments: [
    (DescentParts(gradient: "spas", update: "sgd"), "gradient source", "spas", "spsa", DescentParts.gradientNames),
    (DescentParts(gradient: "fd", update: "adma"), "update rule", "adma", "adam", DescentParts.updateNames),
    (
      DescentParts(gradient: "fd", update: "sgd", guards: ["udno"]), "step guard", "udno", "undo",
      DescentParts.guardNames
    ),
  ])
  func unknownPartsGetSuggestions(
    parts: DescentParts, role: String, name: String, suggestion: String, known: [String]
  ) {
    let kind = OptimizerKind(name: "descent", parts: parts)
    #expect(
      throws: RegistryError.unknownPart(role: role, name: name, suggestion: suggestion, known: known)
    ) {
      try OptimizerRegistry.hyperparameters(for: kind, domain: Self.domain)
    }
  }

  @Test func unrelatedPartNamesGetNoSuggestion() {
    let kind = OptimizerKind(name: "descent", parts: DescentParts(gradient: "telescope", update: "sgd"))
    #expect(
      throws: RegistryError.unknownPart(
        role: "gradient source", name: "telescope", suggestion: nil, known: DescentParts.gradientNames)
    ) {
      try OptimizerRegistry.hyperparameters(for: kind, domain: Self.domain)
    }
  }

  @Test func partNameListsAreOffered() {
    #expect(
      DescentParts.gradientNames == [
        "analytic", "fd", "randomgrad", "randombestgrad", "spsa", "rdsa", "gaussian-smoothing", "spsa2", "guided-es",
        "ensemble",
      ])
    #expect(
      DescentParts.updateNames == [
        "sgd", "momentum", "nesterov", "adam", "sign", "long-term-momentum", "toward-best", "adam-spsa", "rmsprop",
        "adagrad",
      ])
    #expect(DescentParts.guardNames == ["undo", "opposite", "multi-lr", "curvature", "blocking"])
  }

  @Test(arguments: [
    ("descent", DescentParts(gradient: "analytic", update: "sgd")),
    ("gd", DescentParts(gradient: "analytic", update: "sgd")),
    ("adam", DescentParts(gradient: "analytic", update: "adam")),
    ("momentum", DescentParts(gradient: "analytic", update: "momentum")),
    ("nesterov", DescentParts(gradient: "analytic", update: "nesterov")),
    ("sign", DescentParts(gradient: "analytic", update: "sign")),
    ("rmsprop", DescentParts(gradient: "analytic", update: "rmsprop")),
    ("adagrad", DescentParts(gradient: "analytic", update: "adagrad")),
    ("randomgrad", DescentParts(gradient: "randomgrad", update: "sgd")),
    ("randombestgrad", DescentParts(gradient: "randombestgrad", update: "sgd")),
    ("spsa", DescentParts(gradient: "spsa", update: "sgd")),
    ("adamspsa", DescentParts(gradient: "spsa", update: "adam-spsa")),
    ("spsa2", DescentParts(gradient: "spsa2", update: "sgd", guards: ["blocking"])),
    ("guided-es", DescentParts(gradient: "guided-es", update: "sgd")),
  ])
  func presetsAreDescentWithPresetParts(name: String, parts: DescentParts) throws {
    let entry = try OptimizerRegistry.entry(named: name)
    #expect(entry.descriptor.family == .descent)
    #expect(entry.defaultParts == parts)
    var rng = SeededGenerator(seed: 1)
    let optimizer = try OptimizerRegistry.make(
      OptimizerConfiguration(name), adopting: [Particle(position: [1, 1])],
      context: StepContext(domain: Self.domain), rng: &rng)
    #expect(optimizer.kind == OptimizerKind(name: name, parts: parts))
  }

  @Test func userNamedPartsOverrideAPresetsParts() throws {
    let parts = DescentParts(gradient: "spsa", update: "adam", guards: ["undo"])
    var rng = SeededGenerator(seed: 1)
    let optimizer = try OptimizerRegistry.make(
      OptimizerConfiguration("adam", parts: parts), adopting: [Particle(position: [1, 1])],
      context: StepContext(domain: Self.domain), rng: &rng)
    #expect(optimizer.kind.parts == parts)
    #expect(
      optimizer.hyperparameters.names == ["c", "gains", "clamp", "rho", "lookahead", "shots", "lr", "beta1", "beta2", "eps"],
      "flipScale acts on boolean axes only, and this domain has none")
  }

  @Test func flipScaleIsListedOnADomainWithABooleanAxis() throws {
    var axes = Self.domain.axes
    axes[0] = Axis(0, 1, kind: .boolean)
    var rng = SeededGenerator(seed: 1)
    let optimizer = try OptimizerRegistry.make(
      OptimizerConfiguration("adam"), adopting: [Particle(position: [1, 1])],
      context: StepContext(domain: Domain(axes: axes)), rng: &rng)
    #expect(optimizer.hyperparameters.names.last == "flipScale")
  }

  /// η's default is a fraction of w (10 here) that follows the source
  /// and the rule: 1e-3·w for the analytic gradient with SGD or momentum,
  /// 1e-2·w for slope-sized zeroth-order sources, 5e-3·w for the sources
  /// whose ĝ is a direction, 1e-2·w for Adam and sign whatever the source,
  /// 1e-3·w for RMSProp,
  /// 1e-1·w for the rules whose steps decay by themselves.
  @Test(arguments: [
    (DescentParts(gradient: "analytic", update: "sgd"), 1e-2),
    (DescentParts(gradient: "analytic", update: "momentum"), 1e-2),
    (DescentParts(gradient: "analytic", update: "adam"), 0.1),
    (DescentParts(gradient: "spsa", update: "sgd"), 0.1),
    (DescentParts(gradient: "randomgrad", update: "momentum"), 0.05),
    (DescentParts(gradient: "randombestgrad", update: "sgd"), 0.05),
    (DescentParts(gradient: "fd", update: "adam"), 0.1),
    (DescentParts(gradient: "analytic", update: "sign"), 0.1),
    (DescentParts(gradient: "analytic", update: "nesterov"), 1e-2),
    (DescentParts(gradient: "gaussian-smoothing", update: "toward-best"), 0.1),
    (DescentParts(gradient: "spsa", update: "adam-spsa"), 1.0),
    (DescentParts(gradient: "analytic", update: "rmsprop"), 1e-2),
    (DescentParts(gradient: "spsa", update: "adagrad"), 1.0),
  ])
  func learningRateDefaultFollowsTheSource(parts: DescentParts, expected: Double) throws {
    let hyperparameters = try OptimizerRegistry.hyperparameters(
      for: OptimizerKind(name: "descent", parts: parts), domain: Self.domain)
    #expect(abs(hyperparameters["lr"] - expected) < 1e-15)
  }

  /// Every combination of source, rule and guards (none, one, the guard
  /// stacked twice) has distinct hyperparameter names, builds, and steps
  /// to a finite point.
  @Test func everyPartCombinationBuildsAndSteps() throws {
    for gradient in DescentParts.gradientNames {
      for update in DescentParts.updateNames {
        let stacks = [[]] + DescentParts.guardNames.map { [$0] } + DescentParts.guardNames.map { [$0, $0] }
        for guards in stacks {
          let parts = DescentParts(gradient: gradient, update: update, guards: guards)
          let names = try OptimizerRegistry.hyperparameters(
            for: OptimizerKind(name: "descent", parts: parts), domain: Self.domain
          ).names
          #expect(Set(names).count == names.count, "\(parts): duplicate names in \(names)")
          var trial = try OptimizerTrial("descent", parts: parts, on: .sphere)
          trial.run(5)
          #expect(trial.optimizer.particles[0].position.isFinite, "\(parts)")
        }
      }
    }
  }

  @Test func nonDescentOptimizersRefuseParts() {
    let kind = OptimizerKind(name: "pso", parts: DescentParts(gradient: "spsa", update: "sgd"))
    #expect(throws: RegistryError.partsNotAccepted(optimizer: "pso", parts: "spsa, sgd")) {
      try OptimizerRegistry.hyperparameters(for: kind, domain: Self.domain)
    }
  }
}

/// What the entries say about descent parts.
@Suite struct RegistryPartsFlagTests {
  @Test func onlyDescentAsksForItsParts() {
    #expect(OptimizerRegistry.entries.filter(\.asksForParts).map(\.name) == ["descent"])
  }

  @Test func descentItsPresetsAndTheGravitySwarmTakeParts() {
    #expect(
      OptimizerRegistry.entries.filter(\.takesParts).map(\.name) == [
        "descent", "gd", "adam", "momentum", "nesterov", "sign", "rmsprop", "adagrad", "randomgrad", "randombestgrad",
        "spsa", "adamspsa", "spsa2", "guided-es", "ensemble", "gravity-swarm",
      ])
  }
}
