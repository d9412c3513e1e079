import OptimizerCore
import Rendering
import TestSupport
import Testing
import ViewModel

/// A 20×10 map of [0, 20]²: one landscape unit per pixel, so the point
/// (x, y) lands in cell (⌊x⌋, ⌊(20 − y)/2⌋).
let squareMap = MapProjection(viewport: Viewport(x: 0...20, y: 0...20), rect: Rect(width: 20, height: 10))

@Suite struct RunPainterTests {
  @Test func particlesBestPointsProbesAndMovesAreDrawnWhereTheyAre() {
    var grid = CellGrid(width: 20, height: 10)
    let run = RunLayer(
      name: "walk", style: .forIndex(1),
      particles: [Particle(position: [2.5, 17.5]), Particle(position: [10.5, 10.5])],
      best: Point(position: [15.5, 4.5], loss: 0),
      probes: [Point(position: [4.5, 17.5], loss: 1)],
      events: [StepEvent(.reject, at: [10.5, 2.5], from: [10.5, 8.5]), StepEvent(.accept, at: [18.5, 18.5], from: [18.5, 14.5])])
    RunPainter.draw([run], into: &grid, projection: squareMap)
    assertSnapshot(grid, named: "run-particles-probes-moves")
    #expect(grid[2, 1].foreground == RunStyle.forIndex(1).colour)
    #expect(grid[10, 8].foreground == RunStyle.rejectedColour)
    #expect(grid[10, 8].glyph != LandscapeMarks.minimizerGlyph, "a rejected move does not look like the minimum")
    #expect(grid[18, 0].foreground == RunStyle.acceptedColour)
    #expect(grid[4, 1].foreground != RunStyle.forIndex(1).colour, "probes are faint")
  }

  /// A single-point method stands on its own best, and one run's best may
  /// lie under another's particle: the particles stay visible.
  @Test func particlesAreDrawnOverBestPointsAndProbes() {
    var grid = CellGrid(width: 20, height: 10)
    let adam = RunLayer(
      name: "adam", style: .forIndex(0), particles: [Particle(position: [5.5, 10.5])],
      best: Point(position: [5.5, 10.5], loss: 0), probes: [Point(position: [12.5, 10.5], loss: 1)])
    let walk = RunLayer(
      name: "walk", style: .forIndex(2), particles: [Particle(position: [12.5, 10.5])],
      best: Point(position: [5.5, 10.5], loss: 0))
    RunPainter.draw([adam, walk], into: &grid, projection: squareMap)
    #expect(grid[5, 4].glyph == RunStyle.forIndex(0).glyph, "adam's particle over its best and the walk's")
    #expect(grid[12, 4].glyph == RunStyle.forIndex(2).glyph, "the walk's particle over adam's probe")
    #expect(grid[12, 4].foreground == RunStyle.forIndex(2).colour)
  }

  @Test func trailsFadeWithAge() {
    var trail = Trail(length: 4)
    for k in 0..<5 { trail.record([Particle(position: [1.5 + 4 * Double(k), 10.5])]) }
    #expect(trail.steps.count == 4)
    var grid = CellGrid(width: 20, height: 10)
    let style = RunStyle(colour: RGB(255, 255, 255), glyph: "●")
    RunPainter.draw([RunLayer(name: "a", style: style, particles: [], trail: trail)], into: &grid, projection: squareMap)
    #expect(grid.lines()[4] == "     ·············  ")
    let oldest = grid[6, 4].foreground!, newest = grid[16, 4].foreground!
    #expect(oldest.red < newest.red)
    var hidden = CellGrid(width: 20, height: 10)
    RunPainter.draw([RunLayer(name: "a", style: style, particles: [], trail: trail)], into: &hidden, projection: squareMap, view: MapView(trails: false))
    #expect(hidden == CellGrid(width: 20, height: 10))
  }

  @Test func particlesOutsideTheViewShowAsArrowsOnItsEdge() {
    var grid = CellGrid(width: 20, height: 10)
    let run = RunLayer(name: "a", style: .forIndex(0), particles: [
      Particle(position: [40, 10]), Particle(position: [10, -30]), Particle(position: [-5, 25]),
    ])
    RunPainter.draw([run], into: &grid, projection: squareMap)
    assertSnapshot(grid, named: "edge-arrows")
    #expect(grid[19, 5].glyph == "→")
    #expect(grid[10, 9].glyph == "↓")
  }

  @Test func overlaysAreDrawnFromTheirShapes() {
    var grid = CellGrid(width: 20, height: 10)
    let inspection = Inspection(overlays: [
      .arrow(from: [2.5, 2.5], to: [8.5, 2.5], role: .velocity),
      .box(lower: [11.5, 1.5], upper: [18.5, 7.5], role: .searchBox),
      .polygon(vertices: [[2.5, 18.5], [8.5, 18.5], [5.5, 12.5]], role: .simplex),
      .ellipse(center: [15, 15], semiAxes: [[4, 0], [0, 4]], role: .sampling),
      .mark(at: [15.5, 15.5], role: .mean),
    ])
    RunPainter.draw([RunLayer(name: "o", style: .forIndex(0), particles: [], inspection: inspection)], into: &grid, projection: squareMap)
    assertSnapshot(grid, named: "overlays")
    var hidden = CellGrid(width: 20, height: 10)
    RunPainter.draw(
      [RunLayer(name: "o", style: .forIndex(0), particles: [], inspection: inspection)], into: &hidden, projection: squareMap,
      view: MapView(overlays: false))
    #expect(hidden == CellGrid(width: 20, height: 10))
  }

  @Test func flashesMarkDeathsAndBirthsFainterWithAge() {
    var grid = CellGrid(width: 20, height: 10)
    let style = RunStyle(colour: RGB(255, 255, 255), glyph: "●")
    let inspection = Inspection(overlays: [
      .flash([[2.5, 18.5]], role: .death, fade: 0), .flash([[6.5, 18.5]], role: .birth, fade: 0),
      .flash([[2.5, 8.5]], role: .death, fade: 0.8), .flash([[6.5, 8.5]], role: .birth, fade: 0.8),
    ])
    RunPainter.draw([RunLayer(name: "g", style: style, particles: [], inspection: inspection)], into: &grid, projection: squareMap)
    #expect(grid[2, 0].glyph == "†" && grid[6, 0].glyph == "✦")
    #expect(grid[2, 5].glyph == "†" && grid[6, 5].glyph == "✦")
    #expect(grid[2, 0].attributes.contains(.bold) && !grid[2, 5].attributes.contains(.bold))
    func brightness(_ x: Int, _ y: Int) -> Int {
      let colour = grid[x, y].foreground!
      return Int(colour.red) + Int(colour.green) + Int(colour.blue)
    }
    #expect(brightness(2, 5) < brightness(2, 0), "an old death is fainter")
    #expect(brightness(6, 5) < brightness(6, 0), "an old birth is fainter")
  }

  @Test func denseSwarmsCanBeDrawnAsBrailleDotsAtSubCellPositions() {
    var grid = CellGrid(width: 20, height: 10)
    // Four particles in one cell, one in each quarter: dots 1, 4, 7 and 8.
    let particles = [[0.2, 19.8], [0.8, 19.8], [0.2, 18.2], [0.8, 18.2]].map { Particle(position: Vector($0)) }
    RunPainter.draw([RunLayer(name: "s", style: .forIndex(0), particles: particles)], into: &grid, projection: squareMap, braille: true)
    #expect(grid[0, 0].glyph == BrailleCanvas.glyph(bits: 0x01 | 0x08 | 0x40 | 0x80))
  }

  @Test func knownMinimizersAndLatticePointsAreMarked() {
    var grid = CellGrid(width: 20, height: 10)
    LandscapeMarks.drawMinimizers([[3.5, 3.5], [30, 3]], into: &grid, projection: squareMap)
    #expect(grid[3, 8].glyph == LandscapeMarks.minimizerGlyph)
    #expect(grid.cells.filter { $0.glyph == LandscapeMarks.minimizerGlyph }.count == 1)
    var lattice = CellGrid(width: 20, height: 10)
    let domain = Domain(axes: [Axis(0, 20, kind: .integer), Axis(0, 20, kind: .integer)])
    let coarse = MapProjection(viewport: Viewport(x: -0.5...9.5, y: -0.5...9.5), rect: Rect(width: 20, height: 10))
    LandscapeMarks.drawLattice(of: domain, into: &lattice, projection: coarse)
    assertSnapshot(lattice, named: "integer-lattice")
    var none = CellGrid(width: 20, height: 10)
    LandscapeMarks.drawLattice(of: .cube(0, 20, dimension: 2), into: &none, projection: coarse)
    #expect(none == CellGrid(width: 20, height: 10))
  }
}

@Suite struct GeometryTests {
  @Test func linesFromFarOffTheMapAreClippedToIt() {
    var grid = CellGrid(width: 20, height: 10)
    let inspection = Inspection(overlays: [.segment(from: [-1e9, 10.5], to: [10.5, 10.5], role: .simplex)])
    RunPainter.draw([RunLayer(name: "s", style: .forIndex(0), particles: [], inspection: inspection)], into: &grid, projection: squareMap)
    #expect(grid.lines()[4] == "───────────         ")
  }

  @Test func gradientArrowsPointDownhill() {
    // f = x² + y² on [−10, 10]²: downhill is towards the centre.
    let bowl = FunctionObjective(dimension: 2, value: { $0[0] * $0[0] + $0[1] * $0[1] }, gradient: { [2 * $0[0], 2 * $0[1]] })
    let projection = MapProjection(viewport: Viewport(x: -10...10, y: -10...10), rect: Rect(width: 20, height: 10))
    var field = GradientField()
    field.update(objective: bowl, identity: "bowl", projection: projection, columns: 6, rows: 3)
    func arrow(near column: Int, _ row: Int) -> Character? {
      field.arrows.min { abs($0.column - column) + abs($0.row - row) < abs($1.column - column) + abs($1.row - row) }?.glyph
    }
    #expect(arrow(near: 0, 4) == "→")
    #expect(arrow(near: 19, 4) == "←")
    #expect(arrow(near: 9, 0) == "↓" || arrow(near: 9, 0) == "↙" || arrow(near: 9, 0) == "↘")
    #expect(arrow(near: 0, 0) == "↘")
    #expect(arrow(near: 19, 9) == "↖")
    let strongest = field.arrows.max { $0.strength < $1.strength }!
    // Arrows sit at columns 3, 9, 15 and rows 1, 4, 7; the steepest is at a corner.
    #expect(strongest.strength == 1 && strongest.column != 9 && strongest.row != 4)
  }
}
