import Engine
import Foundation
import OptimizerCore
import Rendering
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif
import ViewModel
import Exports

@Suite struct SessionFrameTests {
  func session(steps: Int) throws -> (Session, SessionRecorder) {
    var session = try Session(
      landscape: .named("rosenbrock"),
      runs: [
        RunSetup(OptimizerConfiguration("pso", settings: [("particles", 30)])),
        RunSetup(OptimizerConfiguration("simulated-annealing"), start: [-1.5, 2]),
      ],
      seed: 11)
    var recorder = SessionRecorder(trailLength: 6)
    for _ in 0..<steps {
      session.stepForward()
      recorder.record(session)
    }
    return (session, recorder)
  }

  @Test func aSessionBecomesAFrameWithEveryRunAndItsRegistryParameters() throws {
    let (session, recorder) = try session(steps: 15)
    let content = FrameContent(session: session, recorder: recorder)
    #expect(content.step == 15)
    #expect(content.runs.map(\.layer.name) == ["1 pso", "2 simulated-annealing"])
    #expect(content.runs[0].layer.particles.count == 30)
    #expect(content.runs[0].historyBestLosses.count == 15)
    #expect(content.runs[1].trajectory.count == 15)
    #expect(content.runs[0].layer.trail?.steps.count == 6)
    #expect(content.landscape.knownMinimum?.value == 0)

    var renderer = FrameRenderer()
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
      let text = renderer.render(session, recorder: recorder, view: MapView(), chrome: FrameChrome(selectedRun: 0),
        width: width, height: height).plainText
      #expect(text.contains("pso") && text.contains("particles"), "\(width)×\(height)")
      #expect(text.contains("step 15"), "\(width)×\(height)")
    }
  }

  /// A gravity swarm's deaths flash on the map where they happened and
  /// are gone a few steps later. Its members step 0.01·w (lr 0.1024), so
  /// that a reborn member leaves its birth mark's cell within three steps.
  @Test func gravitySwarmDeathsFlashOnTheMapAndFade() throws {
    let settings = [("dieAfter", 2.0), ("minAge", 1.0), ("lr", 0.1024)]
    var session = try Session(
      landscape: .named("sphere"),
      runs: [RunSetup(OptimizerConfiguration("gravity-swarm", settings: settings), start: [2, 2])],
      seed: 3)
    let projection = MapProjection(viewport: Viewport(x: -5...5, y: -5...5), rect: Rect(width: 60, height: 30))
    func map() -> CellGrid {
      var grid = CellGrid(width: 60, height: 30)
      let content = FrameContent(session: session)
      RunPainter.draw(content.runs.map(\.layer), into: &grid, projection: projection)
      return grid
    }
    while !session.runs[0].lastEvents.contains(where: { $0.kind == .death }) && session.step < 50 { session.stepForward() }
    let death = try #require(session.runs[0].lastEvents.first { $0.kind == .death }?.position)
    let (x, y) = try #require(projection.cell(death))
    let particleCells = session.runs[0].optimizer.particles.compactMap { projection.cell($0.position) }
    let fresh = map()[x, y]
    #expect(fresh.glyph == "†" || particleCells.contains { $0 == (x, y) }, "a death shows unless a member stands there")
    #expect(map().plainText.contains("†"))
    var births = 0
    for _ in 0..<3 {
      session.stepForward()
      births += map().plainText.filter { $0 == "✦" }.count
    }
    #expect(births > 0, "where members were reborn, once they have moved on")
    try session.apply(.setHyperparameter(run: session.runs[0].id, name: "dieAfter", value: 1_000_000))
    for _ in 0..<6 { session.stepForward() }
    let overlays = FrameContent(session: session).runs[0].layer.inspection.overlays
    #expect(!overlays.contains { if case .flash = $0 { true } else { false } }, "no deaths for six steps: every flash faded")
    #expect(!map().plainText.contains("†"))
  }

  @Test func stepsBackCutThePathsAndRestartTheTrails() throws {
    var (session, recorder) = try session(steps: 10)
    session.stepBack()
    session.stepBack()
    recorder.record(session)
    #expect(recorder.trajectory(of: 1).count == 8)
    #expect(recorder.trails[1]?.steps.count == 1)
    #expect(recorder.lastStep == 8)
  }

  @Test func runsWithTheSameOptimizerAreToldApartInTheLegend() throws {
    let session = try Session(
      landscape: .named("rosenbrock"),
      runs: [RunSetup(OptimizerConfiguration("simulated-annealing")), RunSetup(OptimizerConfiguration("simulated-annealing"))],
      seed: 3)
    let names = FrameContent(session: session).runs.map(\.layer.name)
    #expect(names == ["1 simulated-annealing", "2 simulated-annealing"])
  }

  @Test func theSessionsSVGHoldsOnePolylinePerRunThroughItsWholePath() throws {
    let (session, recorder) = try session(steps: 12)
    let svg = SVGExporter(session: session, recorder: recorder, view: MapView(contours: 5), resolution: 48).render()
    let parser = XMLParser(data: Data(svg.utf8))
    let summary = SVGSummary()
    parser.delegate = summary
    #expect(parser.parse())
    #expect(summary.counts["polyline"] == 2)
    #expect(summary.classes["particle"] == 31)
    let polylines = svg.components(separatedBy: "<polyline").dropFirst()
    for polyline in polylines {
      let points = polyline.components(separatedBy: "points=\"")[1].components(separatedBy: "\"")[0]
      #expect(points.split(separator: " ").count == 12)
    }
  }
}
