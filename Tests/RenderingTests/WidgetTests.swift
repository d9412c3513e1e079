import OptimizerCore
import Rendering
import TestSupport
import Testing

@Suite struct WidgetTests {
  @Test func brailleDotsMapToTheirUnicodeBits() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.set(x: 0, y: 0)
    canvas.set(x: 1, y: 3)
    canvas.set(x: 2, y: 1)
    canvas.set(x: 9, y: 9)
    var grid = CellGrid(width: 2, height: 1)
    canvas.draw(into: &grid, x: 0, y: 0)
    #expect(grid.lines() == ["⢁⠂"])
    #expect(canvas.isSet(x: 1, y: 3) && !canvas.isSet(x: 1, y: 2))
  }

  @Test func aSparklineFallsOnALogScale() {
    var grid = CellGrid(width: 8, height: 2)
    let losses = (0..<16).map { 1000 * pow10(-Double($0) / 5) }
    #expect(Sparkline.draw(losses, into: &grid, rect: grid.bounds, colour: RGB(255, 255, 255)))
    assertSnapshot(grid, named: "sparkline-log")
    #expect(!Sparkline.draw([], into: &grid, rect: grid.bounds, colour: RGB(255, 255, 255)))
  }

  @Test func theRaceChartOverlaysRunsInTheirColours() {
    var grid = CellGrid(width: 30, height: 8)
    let fast = RaceChart.Series(name: "adam", colour: RGB(255, 95, 95), evaluations: [10, 20, 30, 40], bestLosses: [100, 10, 1, 0.1])
    let slow = RaceChart.Series(name: "pso", colour: RGB(95, 215, 255), evaluations: [20, 40, 60, 80], bestLosses: [100, 50, 25, 12])
    RaceChart.draw([fast, slow], into: &grid, rect: grid.bounds, floor: 0)
    assertSnapshot(grid, named: "race-chart")
    let colours = Set(grid.cells.compactMap { $0.glyph.unicodeScalars.first!.value >= 0x2800 && $0.glyph.unicodeScalars.first!.value < 0x2900 ? $0.foreground : nil })
    #expect(colours == [RGB(255, 95, 95), RGB(95, 215, 255)])
    #expect(grid.lines()[7].contains("adam") && grid.lines()[7].contains("pso"))
  }

  /// A loss label longer than seven characters (0.000452) is drawn whole,
  /// right-aligned with a free column either side: the plot gives it room
  /// rather than cut it with "…".
  @Test func theRaceChartsLossLabelsAreNeverCut() throws {
    var grid = CellGrid(width: 40, height: 8)
    let run = RaceChart.Series(name: "es", colour: RGB(255, 95, 95), evaluations: [10, 20, 30], bestLosses: [0.0123, 0.003, 0.000452])
    RaceChart.draw([run], into: &grid, rect: grid.bounds)
    let lines = grid.lines()
    #expect(!lines.joined().contains("…"), "\(lines.joined(separator: "\n"))")
    // Each label stands clear of the axis and of whatever is left of the chart.
    let fields = [lines[0], lines[5]].map { String($0.prefix { $0 != "│" }) }
    #expect(fields.allSatisfy { $0.hasPrefix(" ") && $0.hasSuffix(" ") }, "\(fields)")
    let labels = fields.map { $0.split(separator: " ").joined() }
    #expect(labels.allSatisfy { Double($0) != nil }, "\(labels)")
    #expect(labels.contains { $0.count > 7 }, "\(labels)")
  }

  @Test func gaugesFillInEighthsAndHonourLogRanges() {
    #expect(Gauge.fraction(0.01, range: 0.001...0.1, logarithmic: true) == 0.5)
    #expect(Gauge.fraction(5, range: 0...10, logarithmic: false) == 0.5)
    #expect(Gauge.fraction(50, range: 0...10, logarithmic: false) == 1)
    var grid = CellGrid(width: 24, height: 2)
    Gauge.draw(label: "order", value: 3, range: 1...6, into: &grid, rect: Rect(width: 24, height: 1))
    Gauge.draw(label: "J", value: 12, range: nil, into: &grid, rect: Rect(x: 0, y: 1, width: 24, height: 1))
    assertSnapshot(grid, named: "gauges")
  }

  @Test func aGaugesBarKeepsItsWidthWhateverTheValueAndALogGaugeLabelsItsEnds() {
    var grid = CellGrid(width: 36, height: 4)
    Gauge.draw(label: "r", value: 3, range: 1...6, into: &grid, rect: Rect(width: 36, height: 1))
    Gauge.draw(label: "r", value: -1.23e-10, range: 1...6, into: &grid, rect: Rect(x: 0, y: 1, width: 36, height: 1))
    let ends = grid.lines().prefix(2).map { Array($0).firstIndex(of: "▏") }
    #expect(ends[0] != nil && ends[0] == ends[1])
    Gauge.draw(
      label: "T", value: 0.35, range: 1e-3...12, logarithmic: true, into: &grid, rect: Rect(x: 0, y: 2, width: 36, height: 2),
      labelsEnds: true)
    let lines = grid.lines().map { Array($0) }
    #expect(String(lines[3]).hasPrefix("        0.001"), "\(String(lines[3]))")
    // T₀'s end, 12, ends under the bar's right edge.
    let edge = lines[2].firstIndex(of: "▏")
    #expect(edge != nil && String(lines[3][(edge! - 1)...edge!]) == "12", "\(String(lines[3]))")
  }

  @Test func theHelpOverlayListsTheCallersKeysBySection() {
    let keys = [
      KeyHelp(section: "Run", keys: "space", description: "pause or resume"),
      KeyHelp(section: "Run", keys: ".", description: "one step"),
      KeyHelp(section: "View", keys: "+ -", description: "zoom"),
      KeyHelp(section: "Run", keys: ",", description: "one step back"),
    ]
    var grid = CellGrid(width: 40, height: 12)
    HelpOverlay.draw(keys, into: &grid, area: grid.bounds)
    assertSnapshot(grid, named: "help-overlay")
    // Too small for every row: the rest is on the next page, its section
    // heading repeated.
    var small = CellGrid(width: 36, height: 6)
    #expect(HelpOverlay.draw(keys, into: &small, area: small.bounds) == 2)
    #expect(small.plainText.contains("Keys, page 1/2"))
    #expect(!small.plainText.contains("View"))
    var next = CellGrid(width: 36, height: 6)
    HelpOverlay.draw(keys, into: &next, area: next.bounds, page: 1)
    #expect(next.plainText.contains("Run (continued)") || next.plainText.contains("View"))
    #expect(next.plainText.contains("zoom"))
  }

  @Test func theStatusLineDropsHintsThatDoNotFit() {
    let hints: [StatusLine.Hint] = [.init("space", "pause"), .init("?", "help"), .init("q", "quit")]
    var wide = CellGrid(width: 60, height: 1)
    StatusLine.draw(mode: "paused", facts: ["step 42", "×1"], hints: hints, into: &wide, rect: wide.bounds)
    #expect(wide.lines() == [" PAUSED  step 42  ×1             space pause  ? help  q quit"])
    var narrow = CellGrid(width: 40, height: 1)
    StatusLine.draw(mode: "paused", facts: ["step 42", "×1"], hints: hints, into: &narrow, rect: narrow.bounds)
    #expect(narrow.lines() == [" PAUSED  step 42  ×1         space pause"])
  }

  @Test func theColourBarLabelsItsEndsWithTheScalesValues() {
    let scale = FittedScale(.log, samples: [0, 1, 10, 100, 1000])
    var grid = CellGrid(width: 10, height: 6)
    ColourBar.draw(scale: scale, colourMap: .viridis, into: &grid, rect: grid.bounds)
    assertSnapshot(grid, named: "colour-bar-log")
    #expect(grid[0, 0].foreground == ColourMap.viridis.colour(at: 1))
    #expect(grid[0, 5].background == ColourMap.viridis.colour(at: 0))
  }
}

private func pow10(_ x: Double) -> Double {
  var result = 1.0
  let whole = Int(x.rounded(.down))
  for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
  let fraction = x - Double(whole)
  // 10^f = e^(f ln 10), by its series; |f| < 1 so 20 terms are plenty.
  var term = 1.0, sum = 1.0
  for n in 1..<20 {
    term *= fraction * 2.302585092994046 / Double(n)
    sum += term
  }
  return result * sum
}
