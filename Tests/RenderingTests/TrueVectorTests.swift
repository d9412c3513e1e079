import Engine
import OptimizerCore
import Rendering
import Testing
import ViewModel

/// Vectors are drawn at their true length at the map's scale, from the
/// particle, and the overlays of one run alone can be kept.
@Suite struct TrueVectorTests {
  /// Gradient descent on the sphere with η = 0.2 after one step.
  func descent() throws -> Session {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("gd", settings: [("lr", 0.2)]), start: [4, 3])],
      seed: 3)
    session.stepForward()
    return session
  }

  @Test func aDescentStepVectorEndsAtXMinusEtaTimesTheEstimate() throws {
    let session = try descent()
    let run = session.runs[0]
    let inspection = run.optimizer.inspect()
    let x = run.optimizer.particles[0].position
    let estimate = try #require(inspection.vectors.first { $0.name == "ĝ" }?.vector)
    let eta = run.optimizer.hyperparameters["lr"]
    let step = inspection.overlays.filter { $0.role == .step }
    #expect(step.count == 1)
    let layer = RunLayer(name: "gd", style: .forIndex(0), particles: [], inspection: Inspection(overlays: step))
    var grid = CellGrid(width: 60, height: 30)
    let projection = MapProjection(
      viewport: Viewport(domain: session.landscape.domain).fitted(columns: 60, rows: 30), rect: grid.bounds)
    RunPainter.draw([layer], into: &grid, projection: projection, view: MapView(trails: false, probes: false), edgeArrows: false)
    let heads: Set<Unicode.Scalar> = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"]
    var drawn: [(x: Int, y: Int)] = []
    for y in 0..<grid.height {
      for column in 0..<grid.width where heads.contains(grid[column, y].scalar) { drawn.append((column, y)) }
    }
    let head = try #require(drawn.first)
    #expect(drawn.count == 1)
    let expected = try #require(projection.cell(x - eta * estimate))
    #expect(abs(head.x - expected.x) <= 1 && abs(head.y - expected.y) <= 1, "head at \(head), x − η·ĝ at \(expected)")
    let start = try #require(projection.cell(x))
    #expect(abs(head.x - start.x) >= 4, "a true-length step, several cells long, not one cell")
  }

  @Test func theDescentDrawsItsEstimateAtItsTrueLength() throws {
    let run = try descent().runs[0]
    let x = run.optimizer.particles[0].position
    let estimate = try #require(run.optimizer.inspect().vectors.first { $0.name == "ĝ" }?.vector)
    let arrows = run.optimizer.inspect().overlays.compactMap { overlay -> Vector? in
      if case .arrow(let from, let to, .estimate) = overlay, from == x { return to }
      return nil
    }
    #expect(arrows == [x - estimate])
  }

  @Test func keepingOneRunsOverlaysDropsTheOthersFromMapAndLegend() throws {
    var session = try Session(
      landscape: .named("sphere"),
      runs: [RunSetup(OptimizerConfiguration("gd"), start: [4, 3]), RunSetup(OptimizerConfiguration("pso"))], seed: 3)
    session.stepForward()
    let content = FrameContent(session: session, recorder: SessionRecorder())
    let kept = content.keepingOverlays(ofRun: content.runs[0].id)
    #expect(!kept.runs[0].layer.inspection.overlays.isEmpty)
    #expect(kept.runs[1].layer.inspection.overlays.isEmpty)
    let labels = MapLegend.markEntries(kept.runs.map(\.layer), view: MapView()).map(\.label)
    #expect(labels.contains("step Δ") && labels.contains("−ĝ estimate"))
    #expect(!labels.contains("velocity"), "pso's velocities are not drawn, so the legend does not name them")
  }
}

/// Evolution strategies draw their mean's last move from the mean.
@Suite struct MeanMoveTests {
  @Test(arguments: ["cma-es", "xnes", "snes"]) func theMeanMoveArrowRepeatsTheLastMove(name: String) throws {
    var session = try Session(landscape: .named("rosenbrock"), runs: [RunSetup(OptimizerConfiguration(name))], seed: 4)
    func mean() -> Vector? {
      for case .mark(let at, .mean) in session.runs[0].optimizer.inspect().overlays { return at }
      return nil
    }
    session.stepForward()
    for _ in 0..<3 {
      let before = try #require(mean())
      session.stepForward()
      let after = try #require(mean())
      let arrows = session.runs[0].optimizer.inspect().overlays.compactMap { overlay -> (Vector, Vector)? in
        if case .arrow(let from, let to, .step) = overlay { return (from, to) }
        return nil
      }
      let (from, to) = try #require(arrows.first)
      #expect(from == after)
      #expect((to - from - (after - before)).norm <= 1e-12 * max(1, (after - before).norm))
    }
  }
}
