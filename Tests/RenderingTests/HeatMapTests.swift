#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OptimizerCore
import Rendering
import Testing
import ViewModel

/// f(x, y) = (x − 1)² + (y − 2)²: a sphere shifted to (1, 2).
let shiftedSphere = FunctionObjective(dimension: 2) { x in
  (x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2)
}

/// Rosenbrock's banana, f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1).
let rosenbrock = FunctionObjective(dimension: 2) { x in
  let a = 1 - x[0], b = x[1] - x[0] * x[0]
  return a * a + 100 * b * b
}

@Suite struct HeatMapTests {
  @Test func theMinimumOfAShiftedSphereIsDrawnAtItsCellWithTheYAxisUp() {
    // 16×8 cells = 16×16 pixels of 0.5 units; pixel (10, 4) is centred on (1, 2).
    let viewport = Viewport(x: -4.25...3.75, y: -3.75...4.25)
    var map = HeatMap()
    map.update(objective: shiftedSphere, identity: "sphere", viewport: viewport, columns: 16, rows: 8, scale: .linear)
    var grid = CellGrid(width: 16, height: 8)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis)

    let lowest = ColourMap.viridis.colour(at: 0)
    // Pixel row 4 is the upper half of cell row 2.
    #expect(grid[10, 2].glyph == "▀")
    #expect(grid[10, 2].foreground == lowest)
    let darkest = grid.cells.enumerated().filter { $0.element.foreground == lowest || $0.element.background == lowest }
    #expect(darkest.map { $0.offset } == [2 * 16 + 10])
    // Up is +y: the row above the minimum is nearer y = 2 than rows far below.
    #expect(map.level(pixelX: 10, pixelY: 3) < map.level(pixelX: 10, pixelY: 12))
  }

  @Test func theMapProjectionAgreesWithTheSampledMinimum() {
    let viewport = Viewport(x: -5...5, y: -5...5)
    let projection = MapProjection(viewport: viewport, rect: Rect(x: 3, y: 1, width: 40, height: 20))
    let cell = projection.cell([1, 2])
    #expect(cell?.x == 3 + 24 && cell?.y == 1 + 6)
    #expect(projection.cell([6, 0]) == nil)
    let centre = projection.point(cellX: 27, cellY: 7)
    #expect(abs(centre[0] - 1.125) < 1e-12 && abs(centre[1] - 1.75) < 1e-12)
  }

  @Test func underTheLogScaleRosenbrocksValleyStandsOutFromThePlateau() {
    let viewport = Viewport(x: -2...2, y: -1...3)
    var map = HeatMap()
    map.update(objective: rosenbrock, identity: "rosenbrock", viewport: viewport, columns: 80, rows: 40, scale: .log)
    var grid = CellGrid(width: 80, height: 40)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis)
    let projection = MapProjection(viewport: viewport, rect: grid.bounds)

    func colour(at point: Vector) -> UInt8 {
      let (x, y) = projection.cell(point)!
      return XtermPalette.index256(grid[x, y].foreground!)
    }
    let valley: [Vector] = [[-1.5, 2.25], [-1, 1], [0, 0], [0.5, 0.25], [1, 1], [1.5, 2.25]]
    let plateau: [Vector] = [[-1.9, -0.9], [1.9, -0.9], [0, 2.9], [-1.9, 0.5], [1.9, 0.5]]
    let valleyColours = Set(valley.map(colour)), plateauColours = Set(plateau.map(colour))
    #expect(valleyColours.isDisjoint(with: plateauColours))

    // The floor of the valley (f from 0 to 6.25) spans many colours under
    // the log scale and collapses to one under the linear scale.
    #expect(valleyColours.count >= 3)
    map.update(objective: rosenbrock, identity: "rosenbrock", viewport: viewport, columns: 80, rows: 40, scale: .linear)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis)
    #expect(Set(valley.map(colour)).count == 1)
  }

  @Test func theCacheSamplesAgainOnlyWhenTheViewTheLandscapeOrTheSizeChanges() {
    let viewport = Viewport(x: -2...2, y: -2...2)
    var map = HeatMap()
    func update(_ f: FunctionObjective, _ id: String, _ v: Viewport, columns: Int = 10, _ scale: ColourScale) -> Bool {
      map.update(objective: f, identity: id, viewport: v, columns: columns, rows: 5, scale: scale)
    }
    #expect(update(shiftedSphere, "a", viewport, .linear))
    #expect(!update(shiftedSphere, "a", viewport, .linear))
    let linearLevels = map.levels
    #expect(!update(shiftedSphere, "a", viewport, .rank))
    #expect(map.levels != linearLevels, "a new scale refits the levels without sampling")
    #expect(update(shiftedSphere, "a", viewport.zoomed(by: 2), .rank))
    #expect(update(rosenbrock, "b", viewport.zoomed(by: 2), .rank))
    #expect(update(rosenbrock, "b", viewport.zoomed(by: 2), columns: 11, .rank))
    #expect(map.samplings == 4)
  }

  @Test func largeMapsSampledInParallelEqualTheSerialSamples() {
    let viewport = Viewport(x: -2...2, y: -1...3)
    var large = HeatMap()
    large.update(objective: rosenbrock, identity: "r", viewport: viewport, columns: 120, rows: 60, scale: .linear)
    // 2×2 sub-pixels per pixel: 240×240 samples at the sub-pixels' centres.
    #expect(large.samples.count == 240 * 240)
    for (j, i) in [(0, 0), (57, 33), (239, 239), (64, 1), (200, 131)] {
      let x = -2 + (Double(i) + 0.5) * (4.0 / 240), y = 3 - (Double(j) + 0.5) * (4.0 / 240)
      #expect(large.samples[j * 240 + i] == rosenbrock.value(at: [x, y]))
    }
  }

  @Test func aPixelsLevelIsTheMeanOfItsFourSubPixels() throws {
    var map = HeatMap()
    map.update(objective: rosenbrock, identity: "r", viewport: Viewport(x: -2...2, y: -1...3), columns: 8, rows: 4, scale: .log)
    let fitted = try #require(map.fitted)
    for (i, j) in [(0, 0), (3, 5), (7, 7)] {
      let sub = [(0, 0), (1, 0), (0, 1), (1, 1)].map { a, b in fitted.level(of: map.samples[(2 * j + b) * 16 + 2 * i + a]) }
      #expect(abs(map.level(pixelX: i, pixelY: j) - sub.reduce(0, +) / 4) < 1e-12)
    }
  }

  @Test func ripplesFinerThanAPixelBlendInsteadOfStriping() {
    // A ripple of period 1.1 pixels: sampled at pixel centres it beats into
    // broad stripes of full contrast; averaged over 2×2 sub-pixels their
    // contrast falls to |cos(π·0.5/1.1)| ≈ 0.14 of it.
    let columns = 110
    let ripple = FunctionObjective(dimension: 2) { x in sin(2 * Double.pi * x[0] / 1.1) }
    var map = HeatMap()
    map.update(
      objective: ripple, identity: "ripple", viewport: Viewport(x: 0...Double(columns), y: 0...Double(columns)),
      columns: columns, rows: columns / 2, scale: .linear)
    let row = (0..<columns).map { map.level(pixelX: $0, pixelY: 10) }
    let centres = (0..<columns).map { i in sin(2 * Double.pi * (Double(i) + 0.5) / 1.1) }
    #expect(centres.max()! - centres.min()! > 1.9, "sampling at the centres alone would stripe")
    #expect(row.max()! - row.min()! < 0.2)
  }

  @Test func undefinedValuesGetTheirOwnColourAndDoNotStretchTheScale() {
    let f = FunctionObjective(dimension: 2) { x in x[0] < 0 ? .nan : x[0] }
    var map = HeatMap()
    map.update(objective: f, identity: "half", viewport: Viewport(x: -1...1, y: -1...1), columns: 4, rows: 2, scale: .linear)
    var grid = CellGrid(width: 4, height: 2)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis)
    #expect(grid[0, 0].foreground == HeatMap.undefinedColour)
    // The last pixel's sub-pixels sit at x = 0.625 and 0.875, the highest.
    let last = map.level(pixelX: 3, pixelY: 0)
    #expect(abs(last - (0.5 / 0.75 + 1) / 2) < 1e-12)
    #expect(grid[3, 0].foreground == ColourMap.viridis.colour(at: last))
    #expect(map.fitted?.minimum == 0.125 && map.fitted?.maximum == 0.875)
  }

  @Test func monochromeMapsUseTheShadeRampAndAsciiMapsTheAsciiRamp() {
    var map = HeatMap()
    let ramp = FunctionObjective(dimension: 2) { x in x[0] }
    map.update(objective: ramp, identity: "ramp", viewport: Viewport(x: 0...10, y: 0...1), columns: 10, rows: 1, scale: .linear)
    var grid = CellGrid(width: 10, height: 1)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis, profile: DisplayProfile(colourDepth: .monochrome, glyphs: .unicode))
    #expect(grid.lines() == ["  ░░▒▒▓▓██"])
    #expect(grid[9, 0].foreground == nil)
    map.draw(into: &grid, rect: grid.bounds, colourMap: .viridis, profile: DisplayProfile(colourDepth: .palette16, glyphs: .ascii))
    #expect(grid.lines() == [" .:-=+*#%@"])
    #expect(grid[9, 0].foreground == ColourMap.viridis.colour(at: map.level(pixelX: 9, pixelY: 0)))
  }

  @Test func contourLinesShadeThePixelsWhereTheLevelCrossesABand() {
    var map = HeatMap()
    let ramp = FunctionObjective(dimension: 2) { x in x[0] }
    map.update(objective: ramp, identity: "ramp", viewport: Viewport(x: 0...8, y: 0...1), columns: 8, rows: 1, scale: .linear)
    var plain = CellGrid(width: 8, height: 1), contoured = CellGrid(width: 8, height: 1)
    map.draw(into: &plain, rect: plain.bounds, colourMap: .grayscale)
    map.draw(into: &contoured, rect: contoured.bounds, colourMap: .grayscale, contours: 2)
    let changed = (0..<8).filter { plain[$0, 0] != contoured[$0, 0] }
    // Levels 0, 1/7, …, 1: the band changes between pixels 3 and 4.
    #expect(changed == [3])
  }
}

@Suite struct ColourScaleTests {
  @Test(arguments: ColourScale.allCases)
  func levelsAndValuesAreInverse(scale: ColourScale) {
    let samples = (0..<101).map { Double($0 * $0) / 10 }
    let fitted = FittedScale(scale, samples: samples)
    for t in [0.0, 0.25, 0.5, 0.9, 1.0] {
      let v = fitted.value(atLevel: t)
      #expect(abs(fitted.level(of: v) - t) < 0.01, "\(scale) at \(t)")
    }
    #expect(fitted.level(of: 0) == 0 && fitted.level(of: 1000) == 1)
  }

  @Test func theLogScaleSpreadsSmallValuesAndTheRankScaleSpreadsEverything() {
    let samples = [0, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000.0]
    let linear = FittedScale(.linear, samples: samples), log = FittedScale(.log, samples: samples)
    let rank = FittedScale(.rank, samples: samples)
    #expect(linear.level(of: 10) < 0.01)
    #expect(log.level(of: 10) > 0.45)
    #expect(rank.level(of: 10) == 0.625)
  }

  @Test func tiedValuesShareTheirMeanRankAndAFlatMapIsMidway() {
    let rank = FittedScale(.rank, samples: [1, 2, 2, 2, 3])
    #expect(rank.level(of: 2) == 0.5)
    #expect(FittedScale(.log, samples: [4, 4, 4]).level(of: 4) == 0.5)
    #expect(FittedScale(.linear, samples: [.nan, .infinity]).level(of: 1).isNaN)
  }

  @Test func theScaleKeyCyclesThroughEveryScale() {
    #expect(ColourScale.linear.next == .log && ColourScale.log.next == .rank && ColourScale.rank.next == .linear)
  }

  @Test func viewportsZoomAboutAPointAndFitSquarePixels() {
    let v = Viewport(x: 0...4, y: 0...2)
    let zoomed = v.zoomed(by: 2, about: [1, 1])
    #expect(zoomed == Viewport(x: 0.5...2.5, y: 0.5...1.5))
    let fitted = Viewport.fitting(.cube(-1, 1, dimension: 2), columns: 40, rows: 10)
    #expect(fitted == Viewport(x: -2...2, y: -1...1))
    #expect(v.panned(dx: 0.5, dy: -1) == Viewport(x: 2...6, y: -2...0))
  }
}
