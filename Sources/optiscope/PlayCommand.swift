import ArgumentParser
import Engine
import Foundation
import OptimizerCore
import Visualizer

/// `optiscope play` (and `optiscope` alone): the live visualizer.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the live visualizer (the default when optiscope runs without a command).",
    discussion: """
      Without options it opens a tour: Rosenbrock's curved valley with Adam,
      a particle swarm and an adaptive-order random walk racing to (1, 1).
      With options it opens the run they describe. Press ? for every key;
      docs/KEYS.md lists them too.

      Examples:
        optiscope
        optiscope play --landscape himmelblau --optimizer pso
        optiscope play -e "sin(3*x)*cos(2*y) + 0.1*(x^2+y^2)" -o simulated-annealing --start 2,2
      """)

  @OptionGroup(title: "Landscape") var landscape: LandscapeOptions
  @OptionGroup(title: "Optimizer") var optimizer: OptimizerOptions

  @Flag(help: "Start paused.")
  var paused = false

  /// True when no option chose a landscape or an optimizer: open the tour.
  private var isTour: Bool {
    landscape.landscape == nil && landscape.expression == nil && optimizer.optimizer == "adam"
      && optimizer.gradient == nil && optimizer.update == nil && optimizer.guards.isEmpty
      && optimizer.settings.isEmpty && optimizer.start == nil
  }

  func run() throws {
    try openVisualizer(AppState(session: try makeSession(), isRunning: !paused))
  }

  private func makeSession() throws -> Session {
    do {
      if isTour {
        let start: Vector = [-1.5, 2]
        return try Session(
          landscape: .named("rosenbrock"),
          runs: [
            RunSetup(OptimizerConfiguration("adam"), start: start),
            RunSetup(OptimizerConfiguration("pso"), start: start),
            RunSetup(OptimizerConfiguration("adaptive-order-walk"), start: start),
          ],
          seed: optimizer.seed, noise: landscape.noise)
      }
      let surface = try landscape.make()
      let setup = RunSetup(
        try optimizer.configuration(domain: surface.domain),
        start: try optimizer.startPoint(dimension: surface.dimension))
      guard surface.dimension == 2 else {
        throw CommandLineError("the visualizer draws 2-D landscapes; use 'optiscope run' for --dim \(surface.dimension)")
      }
      return try Session(landscape: try landscape.source(), runs: [setup], seed: optimizer.seed, noise: landscape.noise)
    } catch let error as SessionError {
      throw CommandLineError(error.description)
    }
  }
}
