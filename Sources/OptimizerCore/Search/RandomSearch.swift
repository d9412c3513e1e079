/// Random search: draw uniform samples in the domain, keep the best.
///
/// The baseline every other method must beat. One step draws `batch`
/// samples; the particle is the best point found so far.
public struct RandomSearch: DescribedOptimizer {
  public static let descriptor = OptimizerDescriptor(
    name: "random-search", family: .search,
    summary: "uniform samples over the whole domain; keeps the best",
    specs: [
      .integer("batch", symbol: "b", default: 1, range: 1...1000, help: "samples drawn per step").countingPoints
    ])

  public var hyperparameters: Hyperparameters
  private var incumbent: Particle
  private var lastSamples: [Vector] = []

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
    for _ in 0..<hyperparameters.integer("batch") {
      var sample = f.domain.randomPoint(using: &rng)
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
