import OptimizerCore

/// Everything the map shows of one run, taken from its optimizer's
/// particles and inspection alone (never its type).
public struct RunLayer: Sendable {
  /// The legend's name for the run.
  public var name: String
  public var style: RunStyle
  public var particles: [Particle]
  /// The best point the run has evaluated.
  public var best: Point?
  /// The points evaluated in the last step: drawn faint.
  public var probes: [Point]
  public var trail: Trail?
  /// The last step's events: accepted and rejected moves are drawn.
  public var events: [StepEvent]
  public var inspection: Inspection
  /// Where the run would have gone with its last change from the start,
  /// when that is shown.
  public var whatIf: WhatIfPath?

  public init(
    name: String, style: RunStyle, particles: [Particle], best: Point? = nil, probes: [Point] = [],
    trail: Trail? = nil, events: [StepEvent] = [], inspection: Inspection = Inspection(), whatIf: WhatIfPath? = nil
  ) {
    self.name = name
    self.style = style
    self.particles = particles
    self.best = best
    self.probes = probes
    self.trail = trail
    self.events = events
    self.inspection = inspection
    self.whatIf = whatIf
  }
}
