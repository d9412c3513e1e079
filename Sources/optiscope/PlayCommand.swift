import ArgumentParser
import Engine
import Foundation
import Landscapes
import OptimizerCore
import Scenes
import ViewModel
import Visualizer

/// `optiscope play` (and `optiscope` alone): the live visualizer.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the live visualizer (the default when optiscope runs without a command).",
    discussion: """
      Without options it opens the curated tour scene (scenes/tour.yaml). With a
      landscape (and optionally an optimizer, its settings, a start, a seed
      or noise) it opens that run, recording from step 0: every live change
      is kept, and s saves the scene for 'optiscope replay'.
      With --dim N > 2 (the n-dimensional built-ins, up to \(Self.largestDimension))
      the map shows a plane through the N dimensions, through the selected
      run's best by default: --plane and --plane-through choose it, and the
      keys < > { } P O change it (its axes, its basis, its point).
      Press ? for every key; docs/KEYS.md lists them too. With
      COLORTERM=truecolor (or 24bit) the map is drawn in 24-bit colour,
      inside tmux too; NO_COLOR draws it without colour. Frames are written
      by optiscope's own writer; OPTISCOPE_WRITER=ncurses has ncurses draw
      them instead (OPTISCOPE_WRITER=own is the default).

      Examples:
        optiscope
        optiscope play -l rastrigin --dim 10 -o cma-es --plane axes:3,7
        optiscope play --landscape himmelblau --optimizer pso
        optiscope play -e "sin(3*x)*cos(2*y) + 0.1*(x^2+y^2)" -o simulated-annealing --start 2,2
        optiscope play --landscape-command "python3 my_loss.py" -o adam --also cma-es
        optiscope play -l rosenbrock -o external --command "python3 clients/python/examples/random_search.py" --also adam --also cma-es
      """)

  @OptionGroup(title: "Landscape") var landscape: LandscapeOptions
  @OptionGroup(title: "Optimizer") var optimizer: OptimizerOptions

  @Option(name: .customLong("also"), help: ArgumentHelp("A built-in optimizer to race beside the first, with its defaults, from the same start; repeatable: --also adam --also cma-es.", valueName: "optimizer"))
  var others: [String] = []

  @Flag(help: "Start paused.")
  var paused = false

  @OptionGroup(title: "Plane") var plane: PlaneOptions

  /// The most dimensions the visualizer draws a plane through: each frame
  /// samples the heat map at every pixel's point in all of them.
  static let largestDimension = 1000

  func run() throws {
    if landscape.given.isEmpty && !plane.given.isEmpty {
      throw CommandLineError(
        "\(plane.given.joined(separator: " and ")) choose a plane through a landscape: give --landscape NAME --dim N")
    }
    // No landscape or optimizer option at all: the tour. (--seed or
    // --noise alone would be silently ignored by the saved tour, so they
    // count as options and then need a landscape.)
    if landscape.given.isEmpty && optimizer.given.isEmpty && others.isEmpty {
      guard let tour = SceneLibrary.curated(SceneLibrary.tourName) else {
        throw CommandLineError.failure(
          "\(SceneLibrary.folder ?? "the curated scenes") has no \(SceneLibrary.tourName).yaml to open; give a scene or a landscape")
      }
      try openVisualizer(replaying: try LoadedScene(tour), breakpoints: [], paused: paused)
      return
    }
    var scene = try freshScene()
    scene.view.plane = try plane.applied(to: scene.view.plane, domain: try landscape.make().domain)
    let player: ScenePlayer
    let bytes = try historyByteBudget()
    do {
      player = try ScenePlayer(
        scene: scene, recording: true, historyDepth: AppState.historyDepth, historyByteBudget: bytes,
        external: optimizer.externalPolicy)
    } catch {
      throw CommandLineError(error.description)
    }
    try openVisualizer(AppState(player: player, isRunning: !paused))
  }

  /// The scene a fresh session records: the run the options describe.
  private func freshScene() throws -> Scene {
    let surface = try landscape.make()
    guard (2...Self.largestDimension).contains(surface.dimension) else {
      throw CommandLineError(
        "the visualizer draws landscapes of 2 to \(Self.largestDimension) dimensions; use 'optiscope run' for --dim \(surface.dimension)")
    }
    let setup = try optimizer.runSetup(on: surface)
    let source = try landscape.source()
    var setups = [setup]
    if !others.isEmpty {
      // The race starts where the first run does: its drawn start, unless --start gave one.
      let start = try setup.start ?? Session(landscape: source, runs: [RunSetup(OptimizerConfiguration("adam"))], seed: optimizer.seed).runs[0].start
      setups = [RunSetup(setup.configuration, start: start)]
      for name in others {
        do {
          setups.append(RunSetup(try OptimizerChoice(name).configuration(on: surface.domain), start: start))
        } catch {
          throw CommandLineError("--also \(name): \(error.description)")
        }
      }
    }
    let names = setups.map(\.configuration.kind.displayName).joined(separator: " vs ")
    return Scene(
      title: "\(names) on \(surface.title)", landscape: source,
      noise: landscape.noise, seed: optimizer.seed, runs: setups, steps: 0)
  }
}
