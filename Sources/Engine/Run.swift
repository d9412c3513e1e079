import OptimizerCore

/// One optimizer racing on the session's landscape, with everything that
/// makes it reproducible: its own random stream and its own evaluator.
///
/// A value type: the session's history keeps copies as snapshots.
public struct Run: Sendable {
  /// Stable identity: commands and scene events name runs by id, which
  /// survives the removal of other runs. Also the run's stream index.
  public let id: Int
  /// The run's number as people read and type it: the first run is run 1
  /// (labels, the status line, breakpoints, scene files and messages).
  public var number: Int { id + 1 }
  /// Which colour of the palette the run is drawn in.
  public var colourIndex: Int
  /// What a reset rebuilds the run from.
  public var setup: RunSetup
  public var optimizer: any Optimizer
  /// The run's own stream, derived from the session seed and `id`.
  public var generator: SeededGenerator
  public var evaluator: Evaluator
  /// Iterations taken.
  public var steps: Int
  /// What the run spent against an evaluation budget: evaluations of f and
  /// of ∇f, and at least one per step (see `Budget`).
  public var spent: Int
  /// Events seen so far, by kind (the panel's accept and reject counts).
  public var eventCounts: [StepEvent.Kind: Int]
  /// The events of the last step (a swap adds one too).
  public var lastEvents: [StepEvent]
  /// The point where the run started.
  public var start: Vector

  public var evaluations: Int { evaluator.evaluations }

  /// The best point ever evaluated by this run: the evaluator's record, so
  /// every optimizer is judged the same way.
  public var best: Point? { evaluator.best ?? optimizer.best }

  /// The best loss as outputs show it: nan, not inf, where f gave NaN.
  public var shownBestLoss: Double? { evaluator.shownBestLoss ?? optimizer.best?.loss }

  /// The probes of the last step.
  public var probes: ProbeLog { evaluator.probes }

  /// The optimizer's current recipe (kind and changed settings).
  public var configuration: OptimizerConfiguration { optimizer.configuration }
}

extension Run {
  /// The run's next iteration taken apart (`Optimizer.stages`), following
  /// population member `particle`: computed on copies of the optimizer,
  /// the evaluator and the stream, so the run is untouched and its next
  /// real step computes exactly these numbers.
  public func stagesOfNextStep(particle: Int) -> [InspectionStage] {
    var evaluator = evaluator
    evaluator.beginStep()
    return optimizer.stages(of: evaluator, rng: generator, particle: particle)
  }
}
