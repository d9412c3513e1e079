import Engine
import Landscapes
import OptimizerCore
@testable import Rendering
import Testing
import ViewModel

/// The map of a landscape of more than two dimensions is a plane through
/// them (`MapPlane`, `PlaneGeometry`, `ShownPlane`); on two it is the
/// landscape itself.
@Suite struct MapPlaneTests {
  /// Rastrigin in ten dimensions with cma-es, as the test has it.
  func rastrigin(steps: Int) throws -> (Session, SessionRecorder) {
    var session = try Session(
      landscape: .named("rastrigin", dimension: 10), runs: [RunSetup(OptimizerConfiguration("cma-es"))], seed: 5)
    var recorder = SessionRecorder()
    for _ in 0..<steps {
      session.stepForward()
      recorder.record(session)
    }
    return (session, recorder)
  }

  static let map = Rect(x: 0, y: 1, width: 80, height: 30)

  @Test func anNDRunIsDrawnOnThePlaneThroughItsBestPointWithItsParticlesProjected() throws {
    let (session, recorder) = try rastrigin(steps: 25)
    let content = FrameContent(session: session, recorder: recorder)
    let best = try #require(session.runs[0].best).position
    let shown = try #require(ShownPlane(MapPlane(), content: content, selectedRun: nil))
    let plane = shown.geometry
    #expect(plane.origin == best)
    #expect(plane.distance(of: best) == 0)
    #expect(shown.summary == "plane x1,x2 through run 1's best")
    let projection = FrameRenderer().projection(for: content, view: MapView(), selectedRun: nil, map: Self.map)
    #expect(projection.plane == plane)
    let particles = session.runs[0].optimizer.particles
    #expect(particles.count == 10)
    for particle in particles {
      let x = particle.position
      // (u, v) = ((x − o)·e₁ + c₁, (x − o)·e₂ + c₂), c = (o₁, o₂).
      let u = (x - best).dot(plane.first) + best[0], v = (x - best).dot(plane.second) + best[1]
      let (pu, pv) = plane.coordinates(of: x)
      #expect(abs(pu - u) <= 1e-12 && abs(pv - v) <= 1e-12)
      let expected = projection.pixel(u: u, v: v), drawn = projection.pixel(x)
      #expect(abs(expected.x - drawn.x) <= 1e-9 && abs(expected.y - drawn.y) <= 1e-9)
      #expect(abs(plane.distance(of: x) - (x - best - (u - best[0]) * plane.first - (v - best[1]) * plane.second).norm) <= 1e-12)
    }
    var renderer = FrameRenderer()
    let text = renderer.render(content, view: MapView(), width: 120, height: 40).plainText
    let header = text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("plane x1,x2 through run 1's best  x1 ∈ [-5.12, 5.12]"), "\(header)")
    #expect(text.contains("evals 250  off plane 0 "), "the run panel: its best lies on the plane")
    let leader = renderer.render(
      content, view: MapView(plane: MapPlane(through: .point(.zeros(10)))), width: 120, height: 40).plainText
    let distance = compactNumber(best.components.dropFirst(2).reduce(0) { $0 + $1 * $1 }.squareRoot())
    #expect(leader.contains("off plane \(distance)"), "through 0, the best is ‖(x3, …, x10)‖ off the plane x1,x2")
  }

  @Test func switchingToPrincipalDirectionsKeepsTheBestPointInItsCell() throws {
    let (session, recorder) = try rastrigin(steps: 25)
    let content = FrameContent(session: session, recorder: recorder)
    let best = try #require(session.runs[0].best).position
    var view = MapView()
    let onAxes = FrameRenderer().projection(for: content, view: view, selectedRun: nil, map: Self.map)
    view.plane.basis = .principal
    let onPrincipal = FrameRenderer().projection(for: content, view: view, selectedRun: nil, map: Self.map)
    let principal = try #require(onPrincipal.plane)
    #expect(principal.axes == nil, "the principal plane is a rotated one")
    #expect(principal.first != onAxes.plane?.first)
    let cell = try #require(onAxes.cell(best))
    #expect(onPrincipal.cell(best)! == cell)
    #expect(principal.coordinates(of: best) == (best[0], best[1]))
    let shown = try #require(ShownPlane(view.plane, content: content, selectedRun: nil))
    #expect(shown.summary.hasPrefix("principal plane of run 1's last 12 steps through run 1's best"), "\(shown.summary)")
    #expect(shown.summary.hasSuffix("% of their variance off-plane"))
    view.plane.basis = .random
    let onRandom = FrameRenderer().projection(for: content, view: view, selectedRun: nil, map: Self.map)
    #expect(onRandom.cell(best)! == cell)
  }

  @Test(arguments: [3, 10, 57])
  func randomBasesAreOrthonormalAndFollowTheirSeed(dimension: Int) {
    for seed in UInt64(0)..<20 {
      let (a, b) = PlaneBasis.random(seed: seed, dimension: dimension)
      #expect(abs(a.norm - 1) <= 1e-12 && abs(b.norm - 1) <= 1e-12 && abs(a.dot(b)) <= 1e-12)
      let again = PlaneBasis.random(seed: seed, dimension: dimension)
      #expect(again.0 == a && again.1 == b, "the same seed draws the same plane")
      #expect(PlaneBasis.random(seed: seed + 1, dimension: dimension).0 != a)
    }
  }

  @Test func principalDirectionsAreOrthonormalAndFindTheSpreadOfTheCloud() throws {
    // A cloud spread 3 along (1, 1, 0, …)/√2, 1 along x3, 0.01 along x4.
    var generator = SeededGenerator(seed: 9)
    let n = 6
    let d1 = Vector([1, 1, 0, 0, 0, 0]).normalized, d2 = Vector([0, 0, 1, 0, 0, 0]), d3 = Vector([0, 0, 0, 1, 0, 0])
    let points = (0..<300).map { _ in
      Vector.zeros(n) + (3 * generator.normal()) * d1 + generator.normal() * d2 + (0.01 * generator.normal()) * d3
    }
    let fit = try #require(PlaneBasis.principal(of: points))
    #expect(abs(fit.first.norm - 1) <= 1e-12 && abs(fit.second.norm - 1) <= 1e-12 && abs(fit.first.dot(fit.second)) <= 1e-12)
    #expect(abs(abs(fit.first.dot(d1)) - 1) <= 1e-3 && abs(abs(fit.second.dot(d2)) - 1) <= 1e-3)
    #expect(fit.offPlaneShare < 1e-3 && fit.offPlaneShare >= 0)
    #expect(PlaneBasis.principal(of: points) == fit, "the fit is deterministic")
    // Points on one line span no plane.
    #expect(PlaneBasis.principal(of: (0..<10).map { Double($0) * d1 }) == nil)
  }

  @Test func aTwoDimensionalLandscapeIsItsOwnPlaneWhateverTheViewSays() throws {
    var session = try Session(landscape: .named("rosenbrock"), runs: [RunSetup(OptimizerConfiguration("pso"))], seed: 3)
    var recorder = SessionRecorder()
    for _ in 0..<10 {
      session.stepForward()
      recorder.record(session)
    }
    let content = FrameContent(session: session, recorder: recorder)
    let chosen = MapPlane(through: .leader, basis: .random, axes: MapPlane.Axes(1, 0), seed: 4)
    #expect(ShownPlane(chosen, content: content, selectedRun: nil) == nil)
    #expect(FrameRenderer().projection(for: content, view: MapView(plane: chosen), selectedRun: nil, map: Self.map).plane == nil)
    var a = FrameRenderer(), b = FrameRenderer()
    #expect(
      a.render(content, view: MapView(), width: 120, height: 40) == b.render(content, view: MapView(plane: chosen), width: 120, height: 40))
  }

  @Test func theHeatMapSamplesThePlaneClampedIntoTheBoxAndDimsWhereItLeavesIt() throws {
    let landscape = try LandscapeCatalog.make("sphere", dimension: 4)
    let (a, b) = PlaneBasis.random(seed: 2, dimension: 4)
    // Through the box's centre, on a view twice the box's side: the
    // plane leaves the box inside the view.
    let plane = PlaneGeometry(origin: .zeros(4), first: a, second: b, centre: (0, 0), domain: landscape.domain)
    let viewport = Viewport(domain: landscape.domain).zoomed(by: 0.5)
    var map = HeatMap()
    map.update(objective: landscape, identity: "sphere 4", viewport: viewport, columns: 6, rows: 3, scale: .linear, plane: plane)
    let (width, height) = (6 * HeatMap.supersampling, 6 * HeatMap.supersampling)
    for (i, j) in [(0, 0), (5, 7), (11, 11)] {
      let (dx, dy) = (viewport.width / Double(width), viewport.height / Double(height))
      let u = viewport.x.lowerBound + (Double(i) + 0.5) * dx, v = viewport.y.upperBound - (Double(j) + 0.5) * dy
      #expect(map.samples[j * width + i] == landscape.value(at: plane.clamped(plane.point(u: u, v: v))))
    }
    let outside = (0..<6).flatMap { i in (0..<6).map { j in map.isOutside(pixelX: i, pixelY: j) } }
    #expect(outside.contains(true) && outside.contains(false))
    var plain = HeatMap()
    plain.update(landscape: landscape, viewport: viewport, columns: 6, rows: 3, scale: .linear)
    #expect(!plain.isOutside(pixelX: 0, pixelY: 0), "without a plane no pixel is outside")
  }

  @Test func theGradientFieldPointsDownhillAlongThePlane() throws {
    let landscape = try LandscapeCatalog.make("sphere", dimension: 5)
    // A random plane through o = (0, 0, 3, 0, 0), which sits at (0, 0) on
    // the map: along it f = ‖o + s·e₁ + t·e₂‖² falls towards s = −o·e₁,
    // t = −o·e₂, the map's point (−o·e₁, −o·e₂), not towards (0, 0).
    var origin = Vector.zeros(5)
    origin[2] = 3
    let (a, b) = PlaneBasis.random(seed: 3, dimension: 5)
    let plane = PlaneGeometry(origin: origin, first: a, second: b, centre: (0, 0), domain: landscape.domain)
    let sink = (u: -origin.dot(a), v: -origin.dot(b))
    #expect(abs(sink.u) > 0.5 || abs(sink.v) > 0.5, "the sink is off the map's centre")
    let projection = MapProjection(viewport: Viewport(x: -4...4, y: -4...4), rect: Rect(x: 0, y: 0, width: 48, height: 24), plane: plane)
    var field = GradientField()
    field.update(objective: landscape, identity: "sphere 5", projection: projection, base: nil)
    #expect(field.arrows.count > 20)
    for arrow in field.arrows {
      let at = projection.point(cellX: arrow.column, cellY: arrow.row)
      let (u, v) = (at[0], at[1])
      // Towards the sink on screen: right is +u, down is −v.
      let (dx, dy) = ((sink.u - u) / projection.pixelSize.x, -(sink.v - v) / projection.pixelSize.y)
      guard (dx * dx + dy * dy).squareRoot() > 3 else { continue }
      #expect(arrow.glyph == CellRaster.arrowGlyph(dx: dx, dy: dy), "at (\(u), \(v))")
    }
  }

  @Test func marksFadeWithTheirDistanceFromThePlane() throws {
    let domain = Domain.cube(-5, 5, dimension: 5)
    let (a, b) = PlaneBasis.axes(MapPlane.Axes(0, 1), dimension: 5)
    let plane = PlaneGeometry(origin: .zeros(5), first: a, second: b, centre: (0, 0), domain: domain, axes: MapPlane.Axes(0, 1))
    let near = plane.faintness(of: [1, 2, 0.1, 0, 0]), far = plane.faintness(of: [1, 2, 3, 0, 0])
    #expect(plane.faintness(of: [1, 2, 0, 0, 0]) == 0)
    #expect(near > 0 && far > near && far < 0.6)
    #expect(abs(plane.faintness(of: [1, 2, 2.5, 0, 0]) - 0.3) <= 1e-12, "a quarter of the side away: 0.3 faint")
    #expect(plane.distance(of: [1, 2, 3, 0, 4]) == 5)
    #expect(plane.coordinates(of: [1, 2, 3, 0, 4]) == (1, 2))
  }
}
