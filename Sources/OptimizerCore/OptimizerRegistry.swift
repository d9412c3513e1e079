/// One name users can type, with what it takes to list and build it.
public struct OptimizerEntry: Sendable {
  public let descriptor: OptimizerDescriptor
  /// Descent parts used when the user names none (presets), or nil for
  /// optimizers that take no parts.
  public let defaultParts: DescentParts?
  /// True for the entry that is only a frame for parts (`descent`): a picker
  /// asks for its parts, and the bench skips it, since with its default
  /// parts it is one of the presets.
  public private(set) var asksForParts = false
  /// The hyperparameter specs for a kind (a descent optimizer's depend on
  /// its parts), or the reason the kind's parts are wrong.
  private let makeSpecs: @Sendable (OptimizerKind) throws(RegistryError) -> [HyperparameterSpec]
  let build:
    @Sendable (OptimizerKind, Hyperparameters, [Particle], StepContext, inout SeededGenerator) ->
      any Optimizer

  public init(
    descriptor: OptimizerDescriptor, defaultParts: DescentParts? = nil,
    specs: @escaping @Sendable (OptimizerKind) throws(RegistryError) -> [HyperparameterSpec],
    build: @escaping @Sendable (
      OptimizerKind, Hyperparameters, [Particle], StepContext, inout SeededGenerator
    ) -> any Optimizer
  ) {
    self.descriptor = descriptor
    self.defaultParts = defaultParts
    self.makeSpecs = specs
    self.build = build
  }

  /// The hyperparameter specs for a kind of this entry (a descent
  /// optimizer's depend on its parts).
  public func specs(for kind: OptimizerKind) throws(RegistryError) -> [HyperparameterSpec] {
    try makeSpecs(kind)
  }

  /// The entry of a self-describing optimizer type.
  public static func described<O: DescribedOptimizer>(_ type: O.Type) -> OptimizerEntry {
    described(O.descriptor) { hyperparameters, particles, context, rng in
      O(adopting: particles, hyperparameters: hyperparameters, context: context, rng: &rng)
    }
  }

  /// The entry of an optimizer that takes no descent parts and is built by
  /// `build`: for a type that serves several names (PSO and EMPSO).
  public static func described(
    _ descriptor: OptimizerDescriptor,
    build: @escaping @Sendable (Hyperparameters, [Particle], StepContext, inout SeededGenerator) -> any Optimizer
  ) -> OptimizerEntry {
    OptimizerEntry(
      descriptor: descriptor,
      specs: { (kind: OptimizerKind) throws(RegistryError) -> [HyperparameterSpec] in
        if let parts = kind.parts {
          throw .partsNotAccepted(optimizer: kind.name, parts: parts.description)
        }
        return descriptor.specs
      },
      build: { _, hyperparameters, particles, context, rng in build(hyperparameters, particles, context, &rng) })
  }

  public var name: String { descriptor.name }

  /// Whether users may name descent parts for it (descent, its presets and
  /// the gravity swarm's descent walkers).
  public var takesParts: Bool { defaultParts != nil }

  /// The most axes `kind` of this entry takes: the square-matrix limit
  /// when the entry keeps an n×n matrix or when the descent parts it runs
  /// do (`descent` with `--gradient spsa2` keeps H̄ as the `spsa2` preset
  /// does; so does a gravity swarm of such members).
  public func maximumDimension(for kind: OptimizerKind) -> Int {
    guard !descriptor.keepsSquareMatrix else { return descriptor.maximumDimension }
    let parts = kind.parts ?? defaultParts
    if let parts, let composition = try? DescentComposition(parts), composition.keepsSquareMatrix {
      return Limits.squareMatrixDimension
    }
    return descriptor.maximumDimension
  }

  /// Fails when a domain of `dimension` axes is more than `kind` takes
  /// (`maximumDimension(for:)`).
  public func requireDimension(_ dimension: Int, for kind: OptimizerKind) throws(RegistryError) {
    let limit = maximumDimension(for: kind)
    guard dimension <= limit else {
      throw .tooManyDimensions(optimizer: kind.displayName, dimension: dimension, limit: limit)
    }
  }

  /// The entry marked as a frame for parts (`asksForParts`).
  func askingForParts() -> OptimizerEntry {
    var copy = self
    copy.asksForParts = true
    return copy
  }
}

/// The catalog of optimizers by name: it lists them with their parameters,
/// builds them, and suggests the nearest name for a typo.
public enum OptimizerRegistry {
  /// Every registered name, in catalog order.
  public static var names: [String] { entries.map(\.name) }

  public static func entry(named name: String) throws(RegistryError) -> OptimizerEntry {
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw .unknownOptimizer(name, suggestion: nearestName(to: name, in: names))
    }
    return entry
  }

  /// The kind with its parts filled in: a preset's default parts, with any
  /// part the user named put in their place.
  public static func resolve(_ kind: OptimizerKind) throws(RegistryError) -> OptimizerKind {
    let entry = try entry(named: kind.name)
    guard let defaults = entry.defaultParts else { return kind }
    return OptimizerKind(name: kind.name, parts: kind.parts ?? defaults)
  }

  /// The default hyperparameters of a kind on a domain.
  public static func hyperparameters(for kind: OptimizerKind, domain: Domain) throws(RegistryError)
    -> Hyperparameters
  {
    let kind = try resolve(kind)
    return Hyperparameters(try entry(named: kind.name).specs(for: kind), domain: domain)
  }

  /// Builds the optimizer a configuration describes, starting from
  /// `particles` (a swap passes the old optimizer's particles; a new run
  /// passes its start point as one particle).
  public static func make(
    _ configuration: OptimizerConfiguration, adopting particles: [Particle], context: StepContext,
    rng: inout SeededGenerator
  ) throws(RegistryError) -> any Optimizer {
    let kind = try resolve(configuration.kind)
    try entry(named: kind.name).requireDimension(context.domain.dimension, for: kind)
    var hyperparameters = try hyperparameters(for: kind, domain: context.domain)
    for setting in configuration.settings {
      do {
        try hyperparameters.set(setting.name, to: setting.value)
      } catch {
        throw .invalidSetting(optimizer: kind.displayName, error)
      }
    }
    return try entry(named: kind.name).build(kind, hyperparameters, particles, context, &rng)
  }
}

/// Why the registry could not find or build an optimizer.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownOptimizer(String, suggestion: String?)
  case unknownPart(role: String, name: String, suggestion: String?, known: [String])
  case partsNotAccepted(optimizer: String, parts: String)
  case invalidSetting(optimizer: String, HyperparameterError)
  /// More axes than the method takes (it keeps an n×n matrix).
  case tooManyDimensions(optimizer: String, dimension: Int, limit: Int)

  public var description: String {
    switch self {
    case .unknownOptimizer(let name, let suggestion):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "unknown optimizer '\(name)'\(hint) (see 'optiscope list optimizers')"
    case .unknownPart(let role, let name, let suggestion, let known):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "unknown \(role) '\(name)'\(hint) (known: \(known.joined(separator: ", ")))"
    case .partsNotAccepted(let optimizer, let parts):
      return "'\(optimizer)' is not a descent optimizer, so it takes no gradient, update or guard (got \(parts))"
    case .invalidSetting(let optimizer, let error):
      return "\(optimizer): \(error)"
    case .tooManyDimensions(let optimizer, let dimension, let limit):
      let why = limit < Limits.dimension ? " (it keeps an n×n matrix)" : ""
      return "\(optimizer) takes at most \(limit) dimensions\(why), not \(dimension)"
    }
  }
}
