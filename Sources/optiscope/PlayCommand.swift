import ArgumentParser
import Engine
import Foundation
import Landscapes
import OptimizerCore
import Scenes
import Visualizer

/// `optiscope play` (and `optiscope` alone): the live visualizer.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the live visualizer (the default when optiscope runs without a command).",
    discussion: """
      Without options it opens the tour scene (scenes/tour.yaml). With
      options it opens the run they describe, recording from step 0: every
      live change is kept, and s saves the scene for 'optiscope replay'.
      Press ? for every key; docs/KEYS.md lists them too.

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
    if isTour {
      let path = SceneLibrary.resolve(SceneLibrary.tourName)
      if FileManager.default.fileExists(atPath: path) {
        let scene: Scene
        do { scene = try SceneFile.load(path) } catch { throw CommandLineError(error.description) }
        try openVisualizer(replaying: scene, from: path, breakpoints: [], paused: paused)
        return
      }
    }
    let scene = try freshScene()
    let player: ScenePlayer
    do { player = try ScenePlayer(scene: scene, recording: true, historyDepth: AppState.historyDepth) } catch {
      throw CommandLineError(error.description)
    }
    try openVisualizer(AppState(player: player, isRunning: !paused))
  }

  /// The scene a fresh session records: the runs the options describe, or
  /// without options (and without scenes/tour.yaml) the built-in tour:
  /// Rosenbrock's valley with Adam, a particle swarm and an adaptive-order
  /// random walk racing to (1, 1).
  private func freshScene() throws -> Scene {
    if isTour {
      let start: Vector = [-1.5, 2]
      let runs = ["adam", "pso", "adaptive-order-walk"].map { RunSetup(OptimizerConfiguration($0), start: start) }
      return Scene(
        title: "Adam, PSO and the adaptive-order walk on Rosenbrock", landscape: .named("rosenbrock"),
        noise: landscape.noise, seed: optimizer.seed, runs: runs, steps: 0)
    }
    let surface = try landscape.make()
    guard surface.dimension == 2 else {
      throw CommandLineError("the visualizer draws 2-D landscapes; use 'optiscope run' for --dim \(surface.dimension)")
    }
    let setup = try optimizer.runSetup(on: surface)
    return Scene(
      title: "\(setup.configuration.kind.displayName) on \(surface.title)", landscape: try landscape.source(),
      noise: landscape.noise, seed: optimizer.seed, runs: [setup], steps: 0)
  }
}
