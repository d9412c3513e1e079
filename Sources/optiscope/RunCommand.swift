import Foundation
import ArgumentParser
import Engine
import External
import Landscapes
import OptimizerCore
import Scenes

/// `optiscope run`: one optimizer on one landscape, headless.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run an optimizer on a landscape, or play a scene, without a terminal and print the result.",
    discussion: """
      The table and JSON formats print the outcome; CSV prints the trajectory,
      one row per step: step, evaluations; x, y (x1…xn beyond 2-D) and loss
      of where the optimizer is (its leader, the particle with the lowest
      loss at that step, for a population); best_x, best_y and best_loss,
      the best point so far. It is written as it is made (a reader that stops, as 'head' does, ends the run with
      status 141; a failed write, with status 2). CSV and JSON
      write numbers exactly (the shortest text that reads back as the same
      number); JSON has no NaN or infinity, so those are null.

      With a SCENE (a scene file or a curated scene's name, see 'optiscope
      scenes') instead of --landscape and --optimizer, the scene plays to its
      end with all its runs and events. Table and JSON print each run's
      final best; CSV prints every run's trajectory, one row per run after
      every iteration: epoch (restarts so far), step, run (numbered from 1), optimizer (its
      registry name), evaluations, then the same columns as above.

      Examples:
        optiscope run --landscape rosenbrock --optimizer adam --steps 3000
        optiscope run -l rastrigin -o pso --evals 4000 --seed 7 --format json
        optiscope run -l beale -o descent --gradient spsa --guard undo --set lr=0.05
        optiscope run -e "x^2 + 3*sin(y)" -o simulated-annealing --format csv
        optiscope run -l booth --kinds boolean,continuous -o pso
        optiscope run --landscape-command "python3 my_loss.py" -o cma-es --evals 2000
        optiscope run -l rosenbrock -o external --command "python3 clients/python/examples/random_search.py"
        optiscope run tour --format csv > tour.csv
        optiscope run my.yaml --format json
      """)

  @Argument(help: "A scene to play instead of --landscape and --optimizer: a file or a curated scene's name.")
  var scene: String?

  @OptionGroup(title: "Landscape") var landscape: LandscapeOptions
  @OptionGroup(title: "Optimizer") var optimizer: OptimizerOptions
  @OptionGroup(title: "Budget") var budget: BudgetOptions

  @Option(help: OutputFormat.help([.table, .csv, .json]))
  var format: OutputFormat = .table

  func validate() throws { try format.require([.table, .csv, .json]) }

  func run() throws {
    if let scene {
      try refuseBeside(scene: scene, options: landscape.given + optimizer.given + budget.given)
      try play(LoadedScene(scene))
      return
    }
    try requireSceneOrLandscape(landscape)
    let source = try landscape.source()
    let surface = try landscape.make()
    let setup = try optimizer.runSetup(on: surface)
    var session: Session
    do {
      // Every output reads only the run's state: no history, no trace.
      session = try Session(
        landscape: source, runs: [setup], seed: optimizer.seed, noise: landscape.noise,
        budget: budget.budget, historyDepth: 0, keepsTraces: false,
        externalTapes: ExternalTapes(policy: optimizer.externalPolicy))
    } catch {
      throw CommandLineError(error.description)
    }
    defer { session.externalTapes.endAll() }
    try Self.refuseFailed(session)

    let axes = axisNames(surface.dimension)
    var trajectory =
      format == .csv
      ? try CSVStream(header: ["step", "evaluations"] + axes + ["loss"] + axes.map { "best_" + $0 } + ["best_loss"])
      : nil
    while !session.isFinished {
      session.stepForward()
      let run = session.runs[0]
      if trajectory != nil, let best = run.best, let leader = run.optimizer.particles.leader {
        try trajectory?.append(
          [String(session.step), String(run.evaluations)]
            + leader.position.components.map(exactNumber) + [exactNumber(leader.loss)]
            + best.position.components.map(exactNumber) + [exactNumber(run.shownBestLoss ?? best.loss)])
      }
    }

    try Self.refuseFailed(session)
    let run = session.runs[0]
    switch format {
    case .csv: try trajectory?.finish()
    case .json: try StandardOutput.writeVerbatim(jsonText(RunDocument(RunReport(session: session, run: run))) + "\n")
    default: try StandardOutput.write(RunReport(session: session, run: run).table)
    }
  }
}

extension RunCommand {
  /// Plays a scene to its end and prints its runs' trajectories (streamed)
  /// or bests.
  func play(_ loaded: LoadedScene) throws {
    do {
      if format == .csv {
        try SceneTrajectory.stream(loaded.scene)
      } else {
        try report(loaded.scene, path: loaded.label)
      }
    } catch let error as SceneError {
      throw CommandLineError.failure("\(loaded.label): \(error)")
    }
  }

  /// The final bests as a table or JSON.
  private func report(_ scene: Scene, path: String) throws {
    var player = try ScenePlayer(
      scene: scene, logsProbes: false, keepsTraces: false, external: .live(stepTimeout: ExternalTapes.defaultStepTimeout))
    try player.playToEnd()
    let session = player.session
    defer { session.externalTapes.endAll() }
    try Self.refuseFailed(session)
    if format == .json {
      try StandardOutput.writeVerbatim(
        jsonText(
          SceneRunsDocument(
            scene: scene.title, file: path, epoch: player.epoch, step: session.step,
            runs: session.runs.map { RunDocument(RunReport(session: session, run: $0)) })) + "\n")
      return
    }
    let epoch = player.epoch == 0 ? "" : ", epoch \(player.epoch)"
    try StandardOutput.write(
      "\(scene.title)\n\(session.landscape.title), step \(session.step)\(epoch)\n\n" + ReplayCommand.bests(session))
  }
}

extension RunCommand {
  /// Fails with the message of the first run whose optimizer failed (an
  /// external process that broke the protocol, exited or timed out).
  static func refuseFailed(_ session: Session) throws {
    if let failure = session.landscape.failure, case .command(let command, _) = session.landscapeSource.function {
      let when = session.step == 0 ? "before the first step" : "at step \(session.step)"
      throw CommandLineError.failure("the function '\(command.escapingControlCharacters())' failed \(when): \(failure)")
    }
    guard let run = session.runs.first(where: { $0.optimizer.failure != nil }) else { return }
    let command = run.configuration.kind.command.map { " ('\($0)')" } ?? ""
    throw CommandLineError.failure(
      "run \(run.number), \(run.optimizer.kind.displayName)\(command), stopped at step \(run.steps + 1): \(run.optimizer.failure!)")
  }
}

/// Column names for coordinates: x, y for 2-D, x1…xn otherwise.
func axisNames(_ dimension: Int) -> [String] {
  dimension == 2 ? ["x", "y"] : (1...dimension).map { "x\($0)" }
}

/// What `run` reports about a finished run.
struct RunReport {
  let session: Session
  let run: Run

  var gap: Double? {
    guard let minimum = session.landscape.knownMinimum, let loss = run.shownBestLoss else { return nil }
    return loss - minimum.value
  }

  var table: String {
    var lines: [(String, String)] = [
      ("landscape", session.landscape.name + (session.landscape.dimension == 2 ? "" : " (n = \(session.landscape.dimension))")),
      ("optimizer", run.optimizer.kind.displayName),
      ("seed", String(session.seed)),
      ("start", run.start.description),
      ("steps", String(run.steps)),
      ("evaluations", String(run.evaluations)),
    ]
    if run.evaluator.gradientEvaluations > 0 {
      lines.append(("gradients", String(run.evaluator.gradientEvaluations)))
    }
    if let best = run.best {
      lines.append(("best point", best.position.description))
      lines.append(("best loss", formatNumber(run.shownBestLoss ?? best.loss, significantDigits: 10)))
    }
    if let minimum = session.landscape.knownMinimum {
      lines.append(("f*", formatNumber(minimum.value, significantDigits: 10)))
      lines.append(("gap", gap.map { formatNumber($0) } ?? "n/a"))
    }
    for (name, value) in run.optimizer.hyperparameters.changed {
      let spec = run.optimizer.hyperparameters.spec(named: name)!
      lines.append(("set \(name)", spec.describe(value)))
    }
    let width = lines.map(\.0.count).max() ?? 0
    return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      .joined(separator: "\n")
  }
}
