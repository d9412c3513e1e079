/// An optimizer whose one `advance` both takes its real steps and, run on
/// copies with a recorder, takes a step apart (`Optimizer.stages`): the
/// stages are the step's own code, so they cannot drift from it.
protocol RecordedStep: Optimizer {
  /// The step; `record`, when given, is handed each stage (nil on every
  /// real step, which then builds none).
  mutating func advance(_ f: inout Evaluator, rng: inout SeededGenerator, record: ((InspectionStage) -> Void)?)
}

extension RecordedStep {
  public mutating func step(_ f: inout Evaluator, rng: inout SeededGenerator) {
    advance(&f, rng: &rng, record: nil)
  }

  /// The next step on copies of the optimizer, the evaluator and the
  /// stream, recorded stage by stage; `particle` is unused (one point).
  public func stages(of f: Evaluator, rng: SeededGenerator, particle: Int) -> [InspectionStage] {
    var (copy, f, rng) = (self, f, rng)
    var stages: [InspectionStage] = []
    copy.advance(&f, rng: &rng) { stages.append($0) }
    return stages
  }
}
