import Engine
import OptimizerCore
@testable import Rendering
import Testing
import ViewModel

@Suite("The inspector panel")
struct InspectorPanelTests {
  let content = InspectorContent(
    runName: "pso", particleIndex: 2, particleCount: 20,
    particle: Particle(
      position: [0.9813, 0.9627], loss: 3.52e-4, velocity: [-0.012, -0.031],
      personalBest: Point(position: [0.99, 0.98], loss: 1.9e-4), age: 41),
    probes: (0..<9).map { Point(position: [Double($0), 1], loss: Double($0) / 10) },
    readouts: [Readout("inertia", symbol: "ω", value: 0.72)],
    vectors: [NamedVector("mean", [0.99, 0.98])])

  func lines(width: Int = 44, height: Int = 24) -> [String] {
    var grid = CellGrid(width: width, height: height)
    InspectorPanel.draw(content, into: &grid, rect: Rect(width: width, height: height))
    return grid.lines()
  }

  @Test("shows the particle's position, loss, velocity, best and age, and which particle it is")
  func particleFacts() {
    let text = lines().joined(separator: "\n")
    #expect(text.contains("inspect pso · particle 3/20"))
    #expect(text.contains("position   (0.9813, 0.9627)"))
    #expect(text.contains("loss       0.000352"))
    #expect(text.contains("velocity   (-0.012, -0.031)"))
    #expect(text.contains("best       0.00019 at (0.99, 0.98)"))
    #expect(text.contains("age        41"))
  }

  @Test("lists the last probes, says how many were left out, and the run's readouts and vectors")
  func probesAndRun() {
    let text = lines(height: 18).joined(separator: "\n")
    #expect(text.contains("run's last probes (9)"))
    #expect(text.contains("… 3 earlier"))
    #expect(text.contains("(8, 1)  0.8"))
    #expect(!text.contains("(2, 1)  0.2"))
    #expect(lines(height: 40).joined().contains("(0, 1)  0"))
    #expect(text.contains("ω          0.72  inertia"))
    #expect(text.contains("mean       (0.99, 0.98)"))
  }

  @Test("a narrow panel keeps the run's name and the particle in its title")
  func narrowTitle() {
    #expect(lines(width: 44)[0].contains("inspect pso · particle 3/20"))
    var long = content
    long.runName = "simulated-annealing"
    #expect(InspectorPanel.title(long, width: 24) == "simulated-annealing · 3/20")
  }

  @Test("a short panel cuts sections from the bottom instead of overflowing")
  func shortPanel() {
    let shown = lines(height: 6)
    #expect(shown.count == 6)
    #expect(shown[1].contains("position"))
    #expect(!shown.joined().contains("mean"))
  }

  @Test("a frame with an inspector shows it in place of the run panels")
  func inFrame() throws {
    let session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("pso"), start: [1, 1])], seed: 1)
    var renderer = FrameRenderer()
    let inspector = InspectorContent(run: session.runs[0], label: "pso", particle: 99)
    let grid = renderer.render(
      session, view: MapView(), chrome: FrameChrome(inspector: inspector), width: 120, height: 40)
    let text = grid.plainText
    #expect(text.contains("inspect pso · particle \(session.runs[0].optimizer.particles.count)/"))
  }
}
