import OptimizerCore

/// What an external optimizer did, kept so that its run replays without
/// the process: the process's handshake, and for every step the points it
/// asked for with the answers it was given, and what it ended the step with.
///
/// A scene stores it (docs/SCENES.md, "external"); a live run appends to it.
public struct ExternalTape: Sendable, Hashable {
  /// The command that ran the optimizer.
  public var command: String
  /// The name the process gave.
  public var name: String
  /// The hyperparameters it declared, in its order.
  public var specs: [HyperparameterSpec]
  /// Where the process was started (again): the first at step 0; a later
  /// one where a process that answered differently from the tape was
  /// replaced by a fresh one.
  public var segments: [Segment]
  /// The steps, the first at index 0.
  public var steps: [Step]

  public init(command: String, name: String, specs: [HyperparameterSpec], segments: [Segment], steps: [Step] = []) {
    self.command = command
    self.name = name
    self.specs = specs
    self.segments = segments
    self.steps = steps
  }

  /// A start of the process: its handshake's particles, seed and settings.
  public struct Segment: Sendable, Hashable {
    /// How many steps the run had taken when this process started.
    public var firstStep: Int
    public var start: [Vector]
    public var seed: UInt64
    /// The hyperparameters' values sent in the handshake, in the specs' order.
    public var settings: [Double]

    public init(firstStep: Int, start: [Vector], seed: UInt64, settings: [Double]) {
      self.firstStep = firstStep
      self.start = start
      self.seed = seed
      self.settings = settings
    }
  }

  /// One step: the settings it ran with, its evaluation requests and its end.
  public struct Step: Sendable, Hashable {
    /// The hyperparameters' values in effect, in the specs' order.
    public var settings: [Double]
    public var requests: [Request]
    public var outcome: Outcome

    public init(settings: [Double], requests: [Request], outcome: Outcome) {
      self.settings = settings
      self.requests = requests
      self.outcome = outcome
    }
  }

  /// One `evaluate`: the points as asked, and what they were answered.
  public struct Request: Sendable, Hashable {
    public var points: [Vector]
    public var wantsGradients: Bool
    /// f at each point as evaluated (+∞ where it was not finite).
    public var values: [Double]
    /// ∇f at each point, when asked.
    public var gradients: [Vector]

    public init(points: [Vector], wantsGradients: Bool, values: [Double], gradients: [Vector] = []) {
      self.points = points
      self.wantsGradients = wantsGradients
      self.values = values
      self.gradients = gradients
    }
  }

  /// A step's `done`.
  public struct Outcome: Sendable, Hashable {
    public var particles: [Vector]
    /// One per particle, NaN where not given; empty when none were.
    public var losses: [Double]
    /// One per particle; empty when none were given.
    public var roles: [String]
    public var readouts: [Reading]
    public var overlays: [ExternalOverlay]

    public init(
      particles: [Vector], losses: [Double] = [], roles: [String] = [], readouts: [Reading] = [],
      overlays: [ExternalOverlay] = []
    ) {
      self.particles = particles
      self.losses = losses
      self.roles = roles
      self.readouts = readouts
      self.overlays = overlays
    }
  }

  /// A named number of a step's `done`.
  public struct Reading: Sendable, Hashable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
      self.name = name
      self.value = value
    }
  }

  /// The segment the step at `index` belongs to.
  func segment(containing index: Int) -> Segment {
    segments.last { $0.firstStep <= index } ?? segments[0]
  }

  /// Forgets step `index` and every later one, and the segments that
  /// begin after it (a segment that begins there still holds: the state it
  /// started from was reached before): the run takes another way from there.
  mutating func truncate(from index: Int) {
    if index < steps.count { steps.removeSubrange(index...) }
    let first = segments.prefix(1)
    segments = first + segments.dropFirst().filter { $0.firstStep <= index }
  }
}

/// An overlay a process drew: an arrow or a mark, with its role.
public struct ExternalOverlay: Sendable, Hashable {
  public var role: OverlayRole
  /// The arrow's tail, or nil for a mark.
  public var from: Vector?
  public var to: Vector

  public init(role: OverlayRole, from: Vector?, to: Vector) {
    self.role = role
    self.from = from
    self.to = to
  }

  var overlay: Overlay {
    guard let from else { return .mark(at: to, role: role) }
    return .arrow(from: from, to: to, role: role)
  }
}
