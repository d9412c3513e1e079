/// The part types a `DescentParts` names, looked up and checked: the
/// merged hyperparameter specs of a descent and the factory of its parts.
///
/// The tables below are the catalog of parts; adding a part is one line
/// here and one file in the matching folder.
struct DescentComposition: Sendable {
  static let sources: [any GradientSource.Type] = [
    AnalyticGradient.self, FiniteDifferenceGradient.self, RandomGradient.self, RandomBestGradient.self,
    SPSAGradient.self, RDSAGradient.self, GaussianSmoothingGradient.self,
    SecondOrderSPSAGradient.self, GuidedESGradient.self, EnsembleGradient.self,
  ]
  static let rules: [any UpdateRule.Type] = [
    SGDUpdate.self, MomentumUpdate.self, NesterovUpdate.self, AdamUpdate.self, SignUpdate.self,
    LongTermMomentumUpdate.self, TowardBestUpdate.self,
    AdamSPSAUpdate.self, RMSPropUpdate.self, AdaGradUpdate.self,
  ]
  static let guards: [any StepGuard.Type] = [
    UndoGuard.self, OppositeGuard.self, MultiLRGuard.self, CurvatureGuard.self, BlockingGuard.self,
  ]

  let source: any GradientSource.Type
  let rule: any UpdateRule.Type
  let guards: [any StepGuard.Type]

  /// The parts `parts` names, or `RegistryError.unknownPart` with the
  /// nearest known name for the first name that matches none.
  init(_ parts: DescentParts) throws(RegistryError) {
    source = try Self.lookUp(parts.gradient, in: Self.sources, role: "gradient source") { $0.name }
    rule = try Self.lookUp(parts.update, in: Self.rules, role: "update rule") { $0.name }
    var guards: [any StepGuard.Type] = []
    for name in parts.guards {
      guards.append(try Self.lookUp(name, in: Self.guards, role: "step guard") { $0.name })
    }
    self.guards = guards
  }

  /// The parts of a kind that the registry has already checked (its specs
  /// were built from the same parts).
  init(checked parts: DescentParts) {
    do {
      try self.init(parts)
    } catch {
      preconditionFailure("descent parts were checked when their hyperparameters were made: \(error)")
    }
  }

  /// Every part's settings: the source's, then the rule's (with the source's
  /// learning rate), then each distinct guard's, in order. A name declared
  /// by two different parts is a programming error. Last comes the
  /// descent's own `flipScale`, read on boolean axes only (`LatticeShadow`).
  var specs: [HyperparameterSpec] {
    var specs = source.specs + rule.specs(learningRate: source.learningRate)
    var seenGuards: Set<String> = []
    for guardType in guards where seenGuards.insert(guardType.name).inserted {
      specs += guardType.specs
    }
    return specs + [LatticeShadow.flipScale]
  }

  /// True when a part keeps an n×n matrix (2-SPSA's H̄), so the descent
  /// takes at most `Limits.squareMatrixDimension` axes.
  var keepsSquareMatrix: Bool { source.keepsSquareMatrix }

  /// Fresh parts for a domain.
  func makeParts(context: StepContext) -> (any GradientSource, any UpdateRule, [any StepGuard]) {
    (source.init(context: context), rule.init(context: context), guards.map { $0.init(context: context) })
  }

  private static func lookUp<Part>(
    _ name: String, in parts: [Part], role: String, name partName: (Part) -> String
  ) throws(RegistryError) -> Part {
    if let part = parts.first(where: { partName($0) == name }) { return part }
    let known = parts.map(partName)
    throw .unknownPart(role: role, name: name, suggestion: nearestName(to: name, in: known), known: known)
  }
}
