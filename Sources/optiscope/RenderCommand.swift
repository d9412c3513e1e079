import ArgumentParser
import Engine
import External
import Foundation
import OptimizerCore
import Rendering
import Scenes
import ViewModel
import Exports

/// `optiscope render`: a frame as text, ANSI or SVG, or a whole replay as
/// an asciicast recording; of a scene or of one optimizer on a landscape.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a frame as text, ANSI colour or SVG, or a replay as an asciicast recording.",
    discussion: """
      text is the glyphs only; ansi is the frame with 256-colour escapes
      (`cat` shows it on a terminal); svg is a picture with the heat map,
      contour lines, every run's trajectory, the particles, a legend and the
      colour bar; cast is an asciicast v2 recording of the whole replay, one
      frame per step (or per --every K steps) at --fps frames a second, that
      asciinema plays. Without --output the result goes to stdout.

      With a SCENE (a scene file or a curated scene's name, see 'optiscope
      scenes') the frame is the scene's at --at STEP (default: its end),
      drawn with the scene's view: colour map, scale, viewport, trails,
      probes, overlays and contours (--colour-map, --scale and --contours
      override them). STEP is the step the status line shows, the first time
      the replay reaches it: a reset or a landscape change starts the count
      again, so a step before the first restart is one of the first epoch.
      Without a scene, --landscape and --optimizer make a one-run scene of
      --steps steps.

      A landscape of more than two dimensions (--dim N, up to \(PlayCommand.largestDimension)) is drawn
      as a plane through its N dimensions, the scene's or through the first
      run's best: --plane axes:I,J, principal or random[:SEED] and
      --plane-through best, leader or x1,…,xN choose another (the ansi and
      text frames' header and the SVG's title name it).

      Examples:
        optiscope render tour --at 120
        optiscope render my.yaml --at 80 --format svg --output my.svg
        optiscope render --landscape-command "python3 my_loss.py" -o adam --steps 100 --format svg > loss.svg
        optiscope render tour --format cast --output tour.cast --every 2 --fps 15
        optiscope render -l rosenbrock -o adam --steps 300 --format ansi
        optiscope render -l himmelblau -o pso --steps 40 --format svg > swarm.svg
        optiscope render -e "sin(3*x) + cos(2*y)" -o simulated-annealing --size 100x30
        optiscope render -l rastrigin --dim 10 -o cma-es --plane principal --format svg > plane.svg
      """)

  @Argument(help: "A scene to render instead of --landscape and --optimizer: a file or a curated scene's name.")
  var scene: String?

  @OptionGroup(title: "Landscape") var landscape: LandscapeOptions
  @OptionGroup(title: "Optimizer") var optimizer: OptimizerOptions
  @OptionGroup(title: "Plane") var plane: PlaneOptions

  @Option(parsing: .unconditional, help: "Without a scene: steps to take before rendering, at most 10^12 (default: 100).")
  var steps: Int?

  @Option(parsing: .unconditional, help: ArgumentHelp("With a scene: the step to render (default: the scene's end).", valueName: "step"))
  var at: Int?

  @Option(help: ArgumentHelp("The frame's size in terminal cells, at most \(CellSize.maximum)x\(CellSize.maximum) (default: 120x40, for cast 100x30).", valueName: "WxH"))
  var size: CellSize?

  @Option(help: "Output format: text, ansi, svg or cast.")
  var format: RenderFormat = .text

  @Option(help: ArgumentHelp("Write to this file (atomically; a device or a pipe is written into, - is stdout) instead of stdout.", valueName: "file"))
  var output: String?

  @Flag(help: "Replace a read-only --output file.")
  var force = false

  @Option(help: "Colour map: \(ColourMapName.allCases.map(\.rawValue).joined(separator: ", ")) (default: the scene's, else viridis).")
  var colourMap: String?

  @Option(help: "Colour scale (default: the scene's, else log).")
  var scale: ColourScale?

  @Option(parsing: .unconditional, help: "Contour lines over the heat map, 0 for none (default: the scene's, else 8).")
  var contours: Int?

  @Option(parsing: .unconditional, help: "cast: frames a second (default: 10).")
  var fps: Double?

  @Option(parsing: .unconditional, help: ArgumentHelp("cast: a frame every K steps (default: 1).", valueName: "K"))
  var every: Int?

  enum RenderFormat: String, ExpressibleByArgument, CaseIterable { case text, ansi, svg, cast }

  func validate() throws {
    try size?.validate(option: "--size")
    try requireCount(steps, "--steps", in: 0...Limits.steps)
    try requireCount(at, "--at", in: 0...Limits.steps)
    try requireCount(contours, "--contours", in: 0...64)
    if let fps, !(fps > 0 && fps <= 1000) { throw ValidationError("--fps must be in (0, 1000], got \(fps)") }
    try requireCount(every, "--every", in: 1...Limits.steps)
    if format != .cast {
      for (given, flag) in [(fps != nil, "--fps"), (every != nil, "--every")] where given {
        throw ValidationError("\(flag) goes with --format cast")
      }
    } else if at != nil {
      throw ValidationError("--at picks one frame; --format cast records the whole replay")
    }
    if force, output == nil { throw ValidationError("--force goes with --output") }
    if scene == nil, at != nil { throw ValidationError("--at picks a step of a SCENE; without one use --steps") }
  }

  func run() throws {
    let size = self.size ?? (format == .cast ? CellSize(width: 100, height: 30) : CellSize(width: 120, height: 40))
    let (width, height) = (size.width, size.height)
    var scene: Scene
    var path: String?
    var mode = "replay"
    if let name = self.scene {
      try refuseBeside(scene: name, options: landscape.given + optimizer.given + (steps == nil ? [] : ["--steps"]))
      let loaded = try LoadedScene(name)
      (scene, path) = (loaded.scene, loaded.label)
    } else {
      scene = try oneRunScene()
      mode = "rendered"
    }
    if let colourMap {
      guard let name = ColourMapName(typed: colourMap) else {
        throw CommandLineError(
          "unknown colour map '\(colourMap)'\(suggestionSuffix(for: colourMap, in: ColourMapName.allCases.map(\.rawValue)))")
      }
      scene.view.colourMap = name
    }
    if let scale { scene.view.scale = scale }
    if let contours { scene.view.contours = contours }
    if !plane.given.isEmpty {
      scene.view.plane = try plane.applied(to: scene.view.plane, domain: try scene.landscape.madeForCommandLine().domain)
    }

    let text: String
    do {
      var frames = try SceneFrames(scene: scene, external: mode == "rendered" ? optimizer.externalPolicy : .recordedOnly)
      defer { frames.session.externalTapes.endAll() }
      if format == .cast {
        text = try cast(&frames, width: width, height: height, mode: mode)
      } else {
        if let at { try frames.play(toStep: at) } else { while try frames.advance() != nil {} }
        try requireDrawable(frames.session)
        switch format {
        case .svg: text = frames.svg()
        case .text: text = Export.text(frames.frame(width: width, height: height, mode: mode))
        default: text = Export.ansi(frames.frame(width: width, height: height, mode: mode))
        }
      }
    } catch let error as SceneError {
      throw CommandLineError.failure(path.map { "\($0): \(error)" } ?? error.description)
    }
    if let output, output != "-" {
      try writeAtomically(text, to: output, force: force)
      printNote("wrote \(output)")
    } else {
      // The format escaped what it carries (XML, JSON) or is made of escapes (ansi).
      try StandardOutput.writeVerbatim(text.hasSuffix("\n") ? text : text + "\n")
    }
  }

  /// The replay from step 0 to the end as an asciicast: a frame at the
  /// start, after every `every`-th iteration, and at the end.
  private func cast(_ frames: inout SceneFrames, width: Int, height: Int, mode: String) throws -> String {
    let fps = self.fps ?? 10, every = self.every ?? 1
    let title = frames.player.scene.title.isEmpty ? frames.session.landscape.title : frames.player.scene.title
    var cast = Asciicast(width: width, height: height, title: title)
    func shoot(_ frames: inout SceneFrames) throws {
      try requireDrawable(frames.session)
      cast.add(screen: Export.ansi(frames.frame(width: width, height: height, mode: mode)), at: Double(cast.frames) / fps)
    }
    try shoot(&frames)
    var iterations = 0, shown = true
    while let move = try frames.advance() {
      shown = false
      guard move == .step else { continue }
      iterations += 1
      if iterations % every == 0 {
        try shoot(&frames)
        shown = true
      }
    }
    if !shown { try shoot(&frames) }
    printNote("\(cast.frames) frames, \(iterations) steps, \(String(format: "%.1f", Double(cast.frames - 1) / fps)) s")
    return cast.finished
  }

  /// One optimizer on one landscape for --steps steps, in the default view.
  private func oneRunScene() throws -> Scene {
    try requireSceneOrLandscape(landscape)
    let source = try landscape.source()
    let surface = try landscape.make()
    let setup = try optimizer.runSetup(on: surface)
    guard (2...PlayCommand.largestDimension).contains(surface.dimension) else {
      throw CommandLineError(
        "render draws landscapes of 2 to \(PlayCommand.largestDimension) dimensions; \(surface.name) has \(surface.dimension) here")
    }
    return Scene(
      title: "", landscape: source, noise: landscape.noise, seed: optimizer.seed, runs: [setup],
      view: MapView(contours: 8), steps: steps ?? 100)
  }

  private func requireDrawable(_ session: Session) throws {
    guard (2...PlayCommand.largestDimension).contains(session.landscape.dimension) else {
      throw CommandLineError.failure(
        "render draws landscapes of 2 to \(PlayCommand.largestDimension) dimensions; \(session.landscape.name) has \(session.landscape.dimension) here")
    }
  }
}
