/// Random search: draw uniform samples in the domain, keep the best.
///
/// The baseline every other method must beat. One step draws `batch`
/// samples; the particle is the best point found so far.
///
/// `rho` smooths the direction of each sample's offset from the domain's centre from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct RandomSearch: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "random-search", family: .search,
    summary: "uniform samples over the whole domain; keeps the best",
    specs: [
      .integer("batch", symbol: "b", default: 1, range: 1...1000, help: "samples drawn per step").countingPoints,
      DirectionSmoothing.spec,
    ])

  public var hyperparameters: Hyperparameters
  private var incumbent: Particle
  private var lastSamples: [Vector] = []
  /// The samples' offsets from the domain's centre, smoothed with ρ per
  /// batch slot.
  private var smoothing = DirectionSmoothing()

  public init(
    adopting particles: [Particle], hyperparameters: Hyperparameters, context: StepContext,
    rng: inout SeededGenerator
  ) {
    self.hyperparameters = hyperparameters
    let start = particles.startingPoint(on: context.domain)
    incumbent = Particle(position: start.position, loss: start.loss)
  }

  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    if incumbent.loss.isNaN { incumbent.loss = f.evaluate(&incumbent.position) }
    lastSamples.removeAll(keepingCapacity: true)
    for slot in 0..<hyperparameters.integer("batch") {
      var sample = smoothing.sample(
        f.domain.randomPoint(using: &rng), around: f.domain.center, lower: f.domain.lower, upper: f.domain.upper, slot: slot,
        rho: hyperparameters["rho"], continuous: f.domain.isContinuous)
      let loss = f.evaluate(&sample)
      lastSamples.append(sample)
      if loss < incumbent.loss {
        f.note(StepEvent(.accept, at: sample, from: incumbent.position))
        incumbent = Particle(position: sample, loss: loss, age: 0)
      }
    }
    incumbent.age += 1
  }

  public var particles: [Particle] { [incumbent] }

  public func inspect() -> Inspection {
    Inspection(overlays: lastSamples.isEmpty ? [] : [.marks(lastSamples, role: .candidate)])
  }
}
