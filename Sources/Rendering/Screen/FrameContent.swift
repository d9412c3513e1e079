import Landscapes
import OptimizerCore

/// What a frame shows, independent of how it is laid out: the landscape
/// and each run as plain values. The engine's session is turned into one
/// of these (`FrameContent(session:…)`); tests build them directly.
public struct FrameContent: Sendable {
  public var landscape: LandscapeInfo
  public var runs: [RunView]
  /// The session's step counter.
  public var step: Int
  /// The heat map of a remote function as sampled in the background so
  /// far (the visualizer's); nil samples it while the frame is drawn.
  public var backgroundSamples: [MapSamples]?

  public init(landscape: LandscapeInfo, runs: [RunView], step: Int) {
    self.landscape = landscape
    self.runs = runs
    self.step = step
  }
}

extension FrameContent {
  /// This content with every run's overlays but those of run `id` left
  /// out, so that neither the map nor the legend shows them.
  public func keepingOverlays(ofRun id: Int) -> FrameContent {
    var content = self
    for index in content.runs.indices where content.runs[index].id != id {
      content.runs[index].layer.inspection.overlays = []
    }
    return content
  }
}

/// The landscape as the frame needs it.
public struct LandscapeInfo: Sendable {
  public var objective: any Objective
  /// Changes whenever the function does: the heat map's cache key.
  public var identity: String
  public var title: String
  public var domain: Domain
  public var knownMinimum: KnownMinimum?

  public init(objective: any Objective, identity: String, title: String, domain: Domain, knownMinimum: KnownMinimum? = nil) {
    self.objective = objective
    self.identity = identity
    self.title = title
    self.domain = domain
    self.knownMinimum = knownMinimum
  }

  /// A catalog landscape or a typed expression.
  public init(_ landscape: any Landscape) {
    self.init(
      objective: landscape, identity: "\(landscape.name) on \(landscape.domain)", title: landscape.title,
      domain: landscape.domain, knownMinimum: landscape.knownMinimum)
  }
}

/// One run as the frame shows it: its map layer and its panel's facts.
public struct RunView: Sendable {
  public var id: Int
  public var layer: RunLayer
  /// `pso`, `descent(spsa, adam, undo)`.
  public var optimizerName: String
  public var steps: Int
  public var evaluations: Int
  public var bestLoss: Double?
  /// On a plane through more than two dimensions, its best point's
  /// distance to the plane (the renderer fills it in); nil on a 2-D map.
  public var planeDistance: Double?
  public var hyperparameters: Hyperparameters
  /// Evaluations used after each step, and the best loss then.
  public var historyEvaluations: [Int]
  public var historyBestLosses: [Double]
  /// The session's step of each of those entries (1, 2, 3 … unless given).
  public var historySteps: [Int]?
  /// Events so far, by kind.
  public var eventCounts: [StepEvent.Kind: Int]
  /// The path the run took, one point per step: the SVG's polyline.
  public var trajectory: [Vector]
  /// Why the run stopped (an external process that broke off), first line only.
  public var failure: String?

  public init(
    id: Int, layer: RunLayer, optimizerName: String, steps: Int, evaluations: Int, bestLoss: Double?,
    hyperparameters: Hyperparameters, historyEvaluations: [Int] = [], historyBestLosses: [Double] = [],
    eventCounts: [StepEvent.Kind: Int] = [:], trajectory: [Vector] = [], historySteps: [Int]? = nil
  ) {
    self.historySteps = historySteps
    self.id = id
    self.layer = layer
    self.optimizerName = optimizerName
    self.steps = steps
    self.evaluations = evaluations
    self.bestLoss = bestLoss
    self.hyperparameters = hyperparameters
    self.historyEvaluations = historyEvaluations
    self.historyBestLosses = historyBestLosses
    self.eventCounts = eventCounts
    self.trajectory = trajectory
  }

  /// The race chart's series for this run.
  public var series: RaceChart.Series {
    RaceChart.Series(
      name: layer.name, colour: layer.style.colour, evaluations: historyEvaluations, bestLosses: historyBestLosses,
      steps: historySteps)
  }
}
