import Engine
import OptimizerCore
import ViewModel

extension FrameContent {
  /// What the frame shows of a session: its landscape and every run, with
  /// the trails and paths a recorder kept (an empty recorder draws none).
  public init(session: Session, recorder: SessionRecorder = SessionRecorder()) {
    let runs = session.runs.map { run -> RunView in
      let label = session.label(of: run)
      let trace = session.traces[run.id] ?? Trace()
      var view = RunView(
        id: run.id,
        layer: RunLayer(
          name: label, style: .forIndex(run.colourIndex), particles: run.optimizer.particles, best: run.best,
          probes: run.probes.points, trail: recorder.trails[run.id], events: run.lastEvents,
          inspection: run.optimizer.inspect()),
        optimizerName: run.configuration.kind.displayName, steps: run.steps, evaluations: run.evaluations,
        bestLoss: run.best?.loss, hyperparameters: run.optimizer.hyperparameters,
        historyEvaluations: trace.evaluations, historyBestLosses: trace.bestLosses, eventCounts: run.eventCounts,
        trajectory: recorder.trajectory(of: run.id), historySteps: trace.steps)
      view.failure = run.optimizer.failure.map { String($0.prefix { $0 != "\n" }) }
      return view
    }
    self.init(landscape: LandscapeInfo(session.landscape), runs: runs, step: session.step)
  }
}

extension Session {
  /// A run's name as its panel and the map's legend show it: its number
  /// (the first run is 1, as breakpoints and scene files count) and its
  /// optimizer's name (an external one's, as its process gave it).
  public func label(of run: Run) -> String { "\(run.number) \(run.optimizer.kind.label ?? run.configuration.kind.name)" }
}

extension InspectorContent {
  /// The inspector's view of a run and one of its particles (clamped to
  /// the particles there are).
  public init(run: Run, label: String, particle index: Int) {
    let particles = run.optimizer.particles
    let chosen = particles.isEmpty ? 0 : min(max(index, 0), particles.count - 1)
    let inspection = run.optimizer.inspect()
    self.init(
      runName: label, particleIndex: chosen, particleCount: particles.count,
      particle: particles.isEmpty ? nil : particles[chosen], probes: run.probes.points,
      readouts: inspection.readouts, vectors: inspection.vectors)
  }
}

extension FrameRenderer {
  /// The frame of a session: `FrameContent(session:recorder:)` rendered.
  public mutating func render(
    _ session: Session, recorder: SessionRecorder = SessionRecorder(), view: MapView, chrome: FrameChrome = FrameChrome(),
    width: Int, height: Int
  ) -> CellGrid {
    render(FrameContent(session: session, recorder: recorder), view: view, chrome: chrome, width: width, height: height)
  }
}
