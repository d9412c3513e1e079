import External
import Landscapes
import OptimizerCore

/// A landscape with one or more optimizer runs on it, stepped together.
///
/// The session is the engine's whole state: the visualizer drives one, the
/// headless commands drive one, and a scene is a session's recipe plus its
/// commands. Everything in it is seeded, so the same setups, seed and
/// commands at the same steps give bit-identical runs.
public struct Session: Sendable {
  public private(set) var landscape: any Landscape
  public private(set) var landscapeSource: LandscapeSource
  /// σ of the additive Gaussian noise on every evaluation.
  public private(set) var noise: Double
  public private(set) var seed: UInt64
  /// The runs in the order they were added, so in increasing id order
  /// (which `index(ofRun:)` relies on).
  public private(set) var runs: [Run]
  /// Iterations taken by the session (each advances every unfinished run).
  public private(set) var step: Int
  /// How many times the runs were rebuilt at step 0 (a reset, a new
  /// landscape): with the run and the step, where an optimizer was made.
  public private(set) var restarts = 0
  /// The tapes and processes of the external optimizers (docs/PROTOCOL.md),
  /// shared by every copy of the session.
  public let externalTapes: ExternalTapes
  public var budget: Budget
  /// Whether evaluators log probes (the screen draws them; benchmarks can
  /// turn them off).
  public let logsProbes: Bool
  /// Whether runs keep their `traces`: the visualizer's sparkline and race
  /// chart and the bench read them; a headless run that prints only its
  /// outcome or streams its rows keeps none, since a trace grows with
  /// every step.
  public let keepsTraces: Bool
  /// Each run's best loss per step, by run id (removed runs keep theirs, so
  /// that step-back can bring them back whole); empty unless `keepsTraces`.
  public private(set) var traces: [Int: Trace]
  private var history: History
  private var nextRunID: Int
  private var colourSlots = ColourSlots()

  /// A session on `landscape` with a run per setup. Step-back keeps a
  /// keyframe every `historyKeyframeInterval` iterations, or as many as the
  /// snapshots' size calls for when nil (`History`).
  public init(
    landscape source: LandscapeSource, runs setups: [RunSetup], seed: UInt64, noise: Double = 0,
    budget: Budget = .unlimited, historyDepth: Int = 1000, historyByteBudget: Int = Session.defaultHistoryByteBudget,
    historyKeyframeInterval: Int? = nil,
    logsProbes: Bool = true, keepsTraces: Bool = true, externalTapes: ExternalTapes = ExternalTapes()
  ) throws(SessionError) {
    guard noise.isFinite, noise >= 0 else { throw .invalidNoise(noise) }
    self.externalTapes = externalTapes
    self.landscapeSource = source
    self.landscape = try source.make()
    self.noise = noise
    self.seed = seed
    self.budget = budget
    self.logsProbes = logsProbes
    self.keepsTraces = keepsTraces
    self.history = History(depth: historyDepth, byteBudget: historyByteBudget, keyframeInterval: historyKeyframeInterval)
    self.runs = []
    self.traces = [:]
    self.step = 0
    self.nextRunID = 0
    for setup in setups { try addRun(setup) }
  }

  /// A session at step 0 holding only a run with this id started from
  /// `setup`, on this session's landscape, seed, noise and budget: the run
  /// keeps its id, so its random streams, and steps as it would have had it
  /// begun so. No history, probe log or trace (a what-if path is its only
  /// reader).
  public func alone(run id: Int, setup: RunSetup) throws(SessionError) -> Session {
    var session = try Session(
      landscape: landscapeSource, runs: [], seed: seed, noise: noise, budget: budget, historyDepth: 0,
      logsProbes: false, keepsTraces: false, externalTapes: externalTapes.replaying())
    session.nextRunID = id
    try session.addRun(setup)
    return session
  }

  /// The most runs a session holds at once (docs/SCENES.md): each run is
  /// stepped, drawn and kept in every snapshot, so this bounds a scene's
  /// memory and the time of one step.
  public static let maximumRuns = 100_000

  /// The run with that id.
  public func run(_ id: Int) -> Run? { index(ofRun: id).map { runs[$0] } }

  /// Where the run with that id sits in `runs`, by binary search: ids only
  /// grow as runs are added, and removing or rebuilding keeps the order.
  private func index(ofRun id: Int) -> Int? {
    var low = 0, high = runs.count
    while low < high {
      let middle = (low + high) / 2
      if runs[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < runs.count && runs[low].id == id ? low : nil
  }

  /// How many steps back `stepBack()` can still go.
  public var stepsBack: Int { history.count }

  /// The history's memory bound unless one is given: 256 MB, about a
  /// hundred steps of a 10 000-particle swarm (README: `OPTISCOPE_HISTORY_MB`).
  public static let defaultHistoryByteBudget = History.defaultByteBudget

  /// The history's memory bound, and its estimated size now (see
  /// `History`): older steps are dropped to keep it within the bound.
  public var historyByteBudget: Int { history.byteBudget }
  public var historyBytes: Int { history.bytes }

  /// True once every run has used its budget or failed.
  public var isFinished: Bool {
    landscape.failure != nil || runs.allSatisfy { budget.isExhausted(steps: $0.steps, spent: $0.spent) || $0.optimizer.failure != nil }
  }

  // MARK: - Stepping

  /// Advances every run that has budget left by one iteration.
  public mutating func stepForward() {
    // Headless runs keep no history.
    if history.depth > 0 {
      if history.wantsKeyframe { history.push(snapshot(before: .iteration)) } else { history.pushMark() }
    }
    iterate()
  }

  /// One iteration of every run with budget left, without the history:
  /// `stepForward`, and what a step back plays again after a keyframe.
  private mutating func iterate() {
    step += 1
    for index in runs.indices {
      guard !budget.isExhausted(steps: runs[index].steps, spent: runs[index].spent),
        runs[index].optimizer.failure == nil
      else {
        runs[index].evaluator.beginStep()
        runs[index].lastEvents = []
        continue
      }
      Self.advance(&runs[index])
      guard keepsTraces else { continue }
      traces[runs[index].id, default: Trace()].append(
        step: step, evaluations: runs[index].spent, bestLoss: runs[index].best?.loss ?? .nan)
    }
  }

  /// One iteration of one run, with its events counted.
  private static func advance(_ run: inout Run) {
    let before = run.evaluations + run.evaluator.gradientEvaluations
    run.evaluator.beginStep()
    run.optimizer.step(&run.evaluator, rng: &run.generator)
    // A step in which the optimizer failed (its process broke off) is not taken.
    if run.optimizer.failure == nil { run.steps += 1 }
    run.spent += max(1, run.evaluations + run.evaluator.gradientEvaluations - before)
    run.lastEvents = run.evaluator.events
    for event in run.lastEvents { run.eventCounts[event.kind, default: 0] += 1 }
  }

  /// Restores the state before the last step (or the last command), exactly.
  /// Returns what was undone, or nil when the history is empty.
  @discardableResult
  public mutating func stepBack() -> Undone? {
    switch history.pop() {
    case nil:
      return nil
    case .snapshot(let snapshot)?:
      restore(snapshot)
      return snapshot.before
    case .replay(let keyframe, let iterations)?:
      restore(keyframe)
      for _ in 0..<iterations { iterate() }
      return .iteration
    }
  }

  private func snapshot(before change: Undone) -> History.Snapshot {
    History.Snapshot(
      before: change, step: step, runs: runs, colourSlots: colourSlots, landscape: landscape,
      landscapeSource: landscapeSource, noise: noise, restarts: restarts)
  }

  private mutating func restore(_ snapshot: History.Snapshot) {
    step = snapshot.step
    runs = snapshot.runs
    colourSlots = snapshot.colourSlots
    landscape = snapshot.landscape
    landscapeSource = snapshot.landscapeSource
    noise = snapshot.noise
    restarts = snapshot.restarts
    // Over a copy of the keys: iterating the dictionary's own would share
    // its storage and make each truncation copy every trace.
    for id in Array(traces.keys) { traces[id]!.truncate(after: step) }
  }

  // MARK: - Commands

  /// Applies a live change. The state before it is kept in the history, so
  /// step-back undoes it too.
  public mutating func apply(_ command: Command) throws(SessionError) {
    let before = snapshot(before: .command)
    do {
      try perform(command)
    } catch {
      restore(before)
      throw error
    }
    if case .reset = command { return }
    history.push(before)
  }

  private mutating func perform(_ command: Command) throws(SessionError) {
    switch command {
    case .setHyperparameter(let id, let name, let value):
      let index = try runIndex(id)
      do { try runs[index].optimizer.hyperparameters.set(name, to: value) } catch {
        throw .hyperparameter(run: id, error)
      }
      runs[index].setup.configuration = runs[index].optimizer.configuration

    case .swapOptimizer(let id, let configuration):
      let index = try runIndex(id)
      var run = runs[index]
      // Before the new one is made, which may be made at the same place.
      run.optimizer.retire(restarting: false)
      run.optimizer = try makeOptimizer(
        configuration, adopting: run.optimizer.particles, runID: id, rng: &run.generator)
      run.setup.configuration = run.optimizer.configuration
      run.lastEvents = [StepEvent(.swap, at: run.best?.position)]
      run.eventCounts[.swap, default: 0] += 1
      runs[index] = run

    case .addRun(let setup):
      try addRun(setup)

    case .removeRun(let id):
      let index = try runIndex(id)
      let removed = runs.remove(at: index)
      removed.optimizer.retire(restarting: false)
      colourSlots.give(removed.colourIndex)

    case .moveStart(let id, let point):
      let index = try runIndex(id)
      try checkDimension(point)
      runs[index].setup.start = point
      runs[index].optimizer.retire(restarting: true)
      runs[index] = try makeRun(id: id, colourIndex: runs[index].colourIndex, setup: runs[index].setup)
      externalTapes.endParked()
      traces[id] = Trace()

    case .dropParticle(let id, let point):
      let index = try runIndex(id)
      try checkDimension(point)
      var run = runs[index]
      // First, so that a population of fixed size keeps it.
      let particles = [Particle(position: landscape.domain.projected(point))] + run.optimizer.particles
      run.optimizer.retire(restarting: false)
      run.optimizer = try makeOptimizer(run.optimizer.configuration, adopting: particles, runID: id, rng: &run.generator)
      runs[index] = run

    case .setLandscape(let source):
      let newLandscape = try source.make()
      landscapeSource = source
      landscape = newLandscape
      try rebuildRuns(keepingStarts: newLandscape.dimension == runs.first?.start.dimension, onTheSameLandscape: false)

    case .setNoise(let sigma):
      guard sigma.isFinite, sigma >= 0 else { throw .invalidNoise(sigma) }
      noise = sigma
      for index in runs.indices { runs[index].evaluator.noise = sigma }

    case .reset(let newSeed):
      if let newSeed { seed = newSeed }
      history.removeAll()
      try rebuildRuns(keepingStarts: true, onTheSameLandscape: true)
    }
  }

  /// Rebuilds every run from its setup at step 0. On the same landscape,
  /// an external optimizer's process is asked to start over, not ended.
  private mutating func rebuildRuns(keepingStarts: Bool, onTheSameLandscape: Bool) throws(SessionError) {
    for run in runs { run.optimizer.retire(restarting: onTheSameLandscape) }
    defer { externalTapes.endParked() }
    step = 0
    restarts += 1
    traces = [:]
    var rebuilt: [Run] = []
    for run in runs {
      var setup = run.setup
      if !keepingStarts { setup.start = nil }
      if let start = setup.start { setup.start = landscape.domain.projected(start) }
      rebuilt.append(try makeRun(id: run.id, colourIndex: run.colourIndex, setup: setup))
      traces[run.id] = Trace()
    }
    runs = rebuilt
  }

  private mutating func addRun(_ setup: RunSetup) throws(SessionError) {
    if let start = setup.start { try checkDimension(start) }
    guard runs.count < Self.maximumRuns else { throw .tooManyRuns(limit: Self.maximumRuns) }
    let id = nextRunID
    var slots = colourSlots
    runs.append(try makeRun(id: id, colourIndex: slots.take(), setup: setup))
    colourSlots = slots
    traces[id] = Trace()
    nextRunID += 1
  }

  private func makeRun(id: Int, colourIndex: Int, setup: RunSetup) throws(SessionError) -> Run {
    var generator = SeededGenerator(seed: seed, stream: UInt64(id))
    let start = setup.start.map { landscape.domain.projected($0) } ?? drawStart(runID: id)
    let evaluator = Evaluator(
      objective: landscape, domain: landscape.domain, noise: noise, noiseSeed: generator.next(),
      logsProbes: logsProbes)
    let optimizer = try makeOptimizer(
      setup.configuration, adopting: [Particle(position: start)], runID: id, rng: &generator)
    return Run(
      id: id, colourIndex: colourIndex, setup: setup, optimizer: optimizer, generator: generator,
      evaluator: evaluator, steps: 0, spent: 0, eventCounts: [:], lastEvents: [], start: start)
  }

  /// A start drawn uniformly from the middle 80 % of the box, from a stream
  /// of its own, so that it does not depend on what the optimizer draws.
  private func drawStart(runID: Int) -> Vector {
    var generator = SeededGenerator(seed: seed, stream: 0x5354_4152_5400 &+ UInt64(runID))
    var x = Vector(landscape.domain.axes.map { $0.lower + $0.width * (0.1 + 0.8 * generator.uniform()) })
    landscape.domain.project(&x)
    return x
  }

  /// Builds an optimizer for run `runID`: from the registry, or for
  /// `external` from its tape or its process, found by where it is made.
  private func makeOptimizer(
    _ configuration: OptimizerConfiguration, adopting particles: [Particle], runID: Int, rng: inout SeededGenerator
  ) throws(SessionError) -> any Optimizer {
    let context = StepContext(domain: landscape.domain, evaluationBudget: budget.evaluationLimit)
    if configuration.kind.name == OptimizerKind.externalName {
      return ExternalOptimizer(
        configuration, adopting: particles, context: context, hasAnalyticGradient: landscape.hasAnalyticGradient,
        rng: &rng, key: ExternalTapes.Key(run: runID, restart: restarts, step: step), tapes: externalTapes)
    }
    do {
      return try OptimizerRegistry.make(configuration, adopting: particles, context: context, rng: &rng)
    } catch {
      throw .registry(error)
    }
  }

  private func runIndex(_ id: Int) throws(SessionError) -> Int {
    guard let index = index(ofRun: id) else {
      throw .noSuchRun(id, existing: runs.map(\.id))
    }
    return index
  }

  private func checkDimension(_ point: Vector) throws(SessionError) {
    guard point.dimension == landscape.dimension else {
      throw .startOutsideDomain(point, dimension: landscape.dimension)
    }
  }
}
