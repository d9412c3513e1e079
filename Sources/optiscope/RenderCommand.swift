import ArgumentParser
import Engine
import Foundation
import OptimizerCore
import Rendering

/// `optiscope render`: the frame after N steps, as text, ANSI or SVG.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the frame after N steps as text, ANSI colour or an SVG picture.",
    discussion: """
      text is the glyphs only; ansi is the frame with 256-colour escapes
      (`cat` shows it on a terminal); svg is a picture with the heat map,
      contour lines, every run's trajectory, the particles, a legend and the
      colour bar. Without --output the frame goes to stdout.

      Examples:
        optiscope render --landscape rosenbrock --optimizer adam --steps 300 --format ansi
        optiscope render -l himmelblau -o pso --steps 40 --format svg --output swarm.svg
        optiscope render -e "sin(3*x) + cos(2*y) + 0.1*x^2" -o simulated-annealing --size 100x30
      """)

  @OptionGroup(title: "Landscape") var landscape: LandscapeOptions
  @OptionGroup(title: "Optimizer") var optimizer: OptimizerOptions

  @Option(help: "Steps to take before rendering.")
  var steps: Int = 100

  @Option(help: ArgumentHelp("The frame's size in terminal cells (text and ansi).", valueName: "WxH"))
  var size: String = "120x40"

  @Option(help: "Output format: text, ansi or svg.")
  var format: RenderFormat = .text

  @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
  var output: String?

  @Option(help: "Colour map: \(ColourMap.all.map(\.id).joined(separator: ", ")).")
  var colourMap: String = "viridis"

  @Option(help: "Colour scale: linear, log or rank.")
  var scale: String = "log"

  @Option(help: "Contour lines over the heat map (0: none).")
  var contours: Int = 8

  enum RenderFormat: String, ExpressibleByArgument, CaseIterable { case text, ansi, svg }

  func validate() throws {
    if steps < 0 { throw ValidationError("--steps must be ≥ 0, got \(steps)") }
    if contours < 0 || contours > 64 { throw ValidationError("--contours must be in 0…64, got \(contours)") }
  }

  func run() throws {
    let (width, height) = try parseSize(size)
    guard let map = ColourMap.all.first(where: { $0.id == colourMap }) else {
      throw CommandLineError(
        "unknown colour map '\(colourMap)'\(suggestionSuffix(for: colourMap, in: ColourMap.all.map(\.id)))")
    }
    guard let colourScale = ColourScale(rawValue: scale) else {
      throw CommandLineError("unknown scale '\(scale)'; choose linear, log or rank")
    }
    let source = try landscape.source()
    let surface = try landscape.make()
    let setup = RunSetup(
      try optimizer.configuration(domain: surface.domain),
      start: try optimizer.startPoint(dimension: surface.dimension))
    guard surface.dimension == 2 else {
      throw CommandLineError("render draws 2-D landscapes; \(surface.name) has \(surface.dimension) dimensions here")
    }
    var session: Session
    do {
      session = try Session(
        landscape: source, runs: [setup], seed: optimizer.seed, noise: landscape.noise, historyDepth: 0)
    } catch {
      throw CommandLineError(error.description)
    }
    var recorder = SessionRecorder()
    recorder.record(session)
    for _ in 0..<steps {
      session.stepForward()
      recorder.record(session)
    }
    let settings = ViewSettings(colourMap: map, scale: colourScale, contours: contours, mode: "rendered")
    let text: String
    switch format {
    case .svg:
      text = SVGExporter(session: session, recorder: recorder, settings: settings).render()
    case .text, .ansi:
      var renderer = FrameRenderer()
      let grid = renderer.render(session, recorder: recorder, settings: settings, width: width, height: height)
      text = format == .text ? Export.text(grid) : Export.ansi(grid)
    }
    if let output {
      try writeAtomically(text, to: output)
      printNote("wrote \(output)")
    } else {
      print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
  }

  private func parseSize(_ text: String) throws -> (Int, Int) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
      throw CommandLineError("--size '\(text)' must look like WIDTHxHEIGHT, e.g. 120x40")
    }
    return (width, height)
  }
}
