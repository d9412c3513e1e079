/// Random search: draw uniform samples in the domain, keep the best.
///
/// The baseline every other method must beat. One step draws `batch`
/// samples; the particle is the best point found so far.
///
/// `rho` smooths the direction of each sample's offset from the domain's centre from one step to the next
/// (`DirectionSmoothing`, on continuous axes; 0, the default, draws afresh).
public struct RandomSearch: DescribedOptimizer, RecordedStep {
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

  /// The step, taken apart (`RecordedStep`) as the samples drawn over the domain, compared
  /// with the best so far, the best kept.
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?) {
    if incumbent.loss.isNaN { incumbent.loss = f.evaluate(&incumbent.position) }
    let before = incumbent
    var losses: [Double] = []
    lastSamples.removeAll(keepingCapacity: true)
    for slot in 0..<hyperparameters.integer("batch") {
      var sample = smoothing.sample(
        f.domain.randomPoint(using: &rng), around: f.domain.center, lower: f.domain.lower, upper: f.domain.upper, slot: slot,
        rho: hyperparameters["rho"], continuous: f.domain.isContinuous)
      let loss = f.evaluate(&sample)
      lastSamples.append(sample)
      if record != nil { losses.append(loss) }
      if loss < incumbent.loss {
        f.note(StepEvent(.accept, at: sample, from: incumbent.position))
        incumbent = Particle(position: sample, loss: loss, age: 0)
      }
    }
    incumbent.age += 1
    if let record { searchStages(before: before, losses: losses, domain: f.domain).forEach(record) }
  }

  /// The samples with their losses, the comparison, the point kept.
  private func searchStages(before: Particle, losses: [Double], domain: Domain) -> [InspectionStage] {
    let shown = min(3, lastSamples.count)
    let kept = incumbent.position == before.position ? "x* stays" : "x* ← the best sample"
    return [
      InspectionStage(
        "sample", formula: "yⱼ ~ U(domain),  j = 1…b, then f(yⱼ)",
        values: [.number("b", Double(lastSamples.count))]
          + (0..<shown).flatMap { j in [StageValue.vector("y\(j + 1)", lastSamples[j]), .number("f(y\(j + 1))", losses[j])] },
        overlays: [
          .box(lower: domain.lower, upper: domain.upper, role: .searchBox), .marks(lastSamples, role: .candidate),
        ]),
      InspectionStage(
        "compare", formula: "keep yⱼ when f(yⱼ) < f(x*), the best so far",
        values: [.vector("x*", before.position), .number("f(x*)", before.loss), .number("min f(yⱼ)", losses.min() ?? .nan)],
        overlays: [.mark(at: before.position, role: .best), .marks(lastSamples, role: .candidate)]),
      InspectionStage(
        "move", formula: kept,
        values: [.vector("x′", incumbent.position), .number("f(x′)", incumbent.loss)],
        overlays: [.arrow(from: before.position, to: incumbent.position, role: .accepted)]),
    ]
  }

  public var particles: [Particle] { [incumbent] }

  public func inspect() -> Inspection {
    Inspection(overlays: lastSamples.isEmpty ? [] : [.marks(lastSamples, role: .candidate)])
  }
}
