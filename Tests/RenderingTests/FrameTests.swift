import Rendering
import TestSupport
import Testing
import ViewModel
import Exports
import Foundation
import OptimizerCore

@Suite struct FrameTests {
  @Test(arguments: [(80, 24), (120, 40), (200, 60)])
  func theLayoutAdaptsToTheScreen(width: Int, height: Int) {
    var renderer = FrameRenderer()
    let grid = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: width, height: height)
    assertSnapshot(Export.text(grid), named: "frame-\(width)x\(height)")
    let text = grid.plainText
    #expect(text.contains("Rosenbrock"))
    #expect(text.contains("annealing") && text.contains("PAUSED"))
  }

  @Test func theLayoutsShowMoreAsTheScreenGrows() throws {
    let compact = try #require(FrameLayout(width: 80, height: 24))
    let medium = try #require(FrameLayout(width: 120, height: 40))
    let large = try #require(FrameLayout(width: 200, height: 60))
    #expect(compact.size == .compact && medium.size == .medium && large.size == .large)
    #expect(compact.raceChart.isEmpty && !medium.raceChart.isEmpty && !large.raceChart.isEmpty)
    #expect(FrameLayout(width: 100, height: 30)!.raceChart.isEmpty, "a medium layout under 36 rows has no room for it")
    #expect(medium.raceChart.intersection(medium.panels).isEmpty && medium.raceChart.height >= 8)
    #expect(compact.map.area < medium.map.area && medium.map.area < large.map.area)
    for layout in [compact, medium, large] {
      #expect(layout.map.intersection(layout.panels).isEmpty)
      #expect(layout.map.intersection(layout.colourBar).isEmpty)
      #expect(layout.status.y == layout.map.maxY || layout.status.y == layout.colourBar.maxY
        || layout.status.y == layout.legend.maxY)
    }
    // From 120×40 the legend is on screen, under the map, on three rows
    // (two on a medium screen under 40 rows); below, in `?`.
    #expect(compact.legend.isEmpty && medium.legend.height == 3 && large.legend.height == 3)
    #expect(FrameLayout(width: 120, height: 36)!.legend.height == 2)
    #expect(medium.legend.y == medium.map.maxY && medium.legend.width == medium.map.width)
  }

  @Test func theLegendNamesTheRunsAndTheMarksAndTheColourBarItsScale() {
    var renderer = FrameRenderer()
    let lines = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 120, height: 40)
      .lines()
    let layout = FrameLayout(width: 120, height: 40)!
    let legend = lines[layout.legend.y] + "\n" + lines[layout.legend.y + 1]
    for run in FrameFixture.content.runs { #expect(legend.contains("\(run.layer.style.glyph) \(run.layer.name)"), "\(legend)") }
    #expect(legend.contains("★ best so far") && legend.contains("⊕ known minimum"), "\(legend)")
    #expect(lines[0].contains("loss, \(FrameFixture.view.scale.rawValue)"), "\(lines[0])")
  }

  @Test func onlyTheLargeLayoutShowsEveryPanelInFullAndFrom120By40TheRaceChart() {
    var renderer = FrameRenderer()
    let large = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 200, height: 60).plainText
    let medium = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 120, height: 40).plainText
    #expect(large.contains("inertia") && large.contains("best loss vs evaluations"))
    #expect(!medium.contains("inertia") && medium.contains("temperature"))
    #expect(medium.contains("best loss vs evaluations") && medium.contains("240 evals"))
  }

  @Test func theRaceChartsClockSwitchesToSteps() {
    var renderer = FrameRenderer()
    var chrome = FrameFixture.chrome
    chrome.raceAxis = .steps
    let grid = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: chrome, width: 120, height: 40)
    assertSnapshot(Export.text(grid), named: "frame-120x40-race-steps")
    #expect(grid.plainText.contains("best loss vs steps") && grid.plainText.contains("step 12"))
    #expect(!grid.plainText.contains("240 evals"))
  }

  @Test func at80By24TheOtherRunsGetSummaryPanelsAndTheSelectedOneNoEmptyRows() {
    var renderer = FrameRenderer()
    let grid = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 80, height: 24)
    let layout = FrameLayout(width: 80, height: 24)!
    let side = grid.lines().map { String($0.dropFirst(layout.panels.x)) }
    // The swarm has a box of its own with its best and its evaluations.
    let swarmTop = side.firstIndex { $0.contains("■ pso") }
    #expect(swarmTop != nil, "\(side.joined(separator: "\n"))")
    #expect(side.contains { $0.contains("best 0.02") } && side.contains { $0.contains("evals 240") })
    // The selected panel's box ends right above the swarm's: no blank rows in it.
    if let swarmTop {
      #expect(side[swarmTop - 1].hasPrefix("└"), "\(side.joined(separator: "\n"))")
      let inner = side[1..<(swarmTop - 1)].filter { $0.dropFirst().dropLast().allSatisfy { $0 == " " } }
      #expect(inner.isEmpty, "blank rows in the selected panel")
    }
  }

  @Test func theSelectedHyperparametersHelpIsShownInItsPanel() {
    var renderer = FrameRenderer()
    for (width, height) in [(80, 24), (120, 40)] {
      let text = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: width, height: height).plainText
      #expect(text.contains("initial temperature"), "\(width)×\(height)")
    }
  }

  @Test func aScreenBelow40By12GetsAMessageInsteadOfAFrame() {
    var renderer = FrameRenderer()
    let grid = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 39, height: 12)
    #expect(grid.plainText.contains("terminal too small"))
    #expect(grid.plainText.contains("39×12; need 40×12"))
    let tiny = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 5, height: 1)
    #expect(tiny.lines() == ["term…"])
  }

  @Test func theSelectedHyperparameterIsHighlighted() {
    var renderer = FrameRenderer()
    var chrome = FrameFixture.chrome
    chrome.selectedParameter = 2
    let grid = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: chrome, width: 120, height: 40)
    let row = grid.lines().firstIndex { $0.contains("▸ cooling") }
    #expect(row != nil)
    if let row {
      let x = grid.lines()[row].distance(from: grid.lines()[row].startIndex, to: grid.lines()[row].firstIndex(of: "▸")!)
      #expect(grid[x, row].attributes.contains(.bold) && grid[x, row].background != nil)
    }
  }

  @Test func movingParticlesDoesNotResampleTheHeatMap() {
    var renderer = FrameRenderer()
    var content = FrameFixture.content
    _ = renderer.render(content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 120, height: 40)
    content.runs[0].layer.particles[0].position = [0.5, 0.5]
    content.step += 1
    _ = renderer.render(content, view: FrameFixture.view, chrome: FrameFixture.chrome, width: 120, height: 40)
    #expect(renderer.heatMap.samplings == 1)
    var zoomed = FrameFixture.view
    zoomed.viewport = Viewport(x: -1...1, y: 0...2)
    _ = renderer.render(content, view: zoomed, chrome: FrameFixture.chrome, width: 120, height: 40)
    #expect(renderer.heatMap.samplings == 2)
  }

  @Test func theHelpOverlayIsDrawnFromTheCallersKeys() {
    var renderer = FrameRenderer()
    var chrome = FrameFixture.chrome
    chrome.help = FrameFixture.keys
    let text = renderer.render(FrameFixture.content, view: FrameFixture.view, chrome: chrome, width: 100, height: 30).plainText
    #expect(text.contains("next colour map") && text.contains("Keys (? closes)"))
  }
}

/// The legend flows onto its next row instead of cutting entries off.
@Suite struct LegendFlowTests {
  @Test func entriesThatDoNotFitGoOnTheNextRow() {
    let runs = [
      RunLayer(name: "1 adam", style: .forIndex(0), particles: [Particle(position: [0, 0])],
        inspection: Inspection(overlays: [
          .arrow(from: [0, 0], to: [1, 0], role: .step), .arrow(from: [0, 0], to: [0, 1], role: .estimate),
          .box(lower: [-1, -1], upper: [1, 1], role: .scale),
        ])),
      RunLayer(name: "2 pso", style: .forIndex(1), particles: [Particle(position: [0, 0])],
        inspection: Inspection(overlays: [
          .arrow(from: [0, 0], to: [1, 1], role: .velocity), .marks([[1, 1]], role: .personalBest),
        ])),
    ]
    var grid = CellGrid(width: 60, height: 4)
    MapLegend.draw(runs, view: MapView(), into: &grid, rect: grid.bounds)
    let text = grid.lines().joined(separator: "\n")
    for label in ["1 adam", "2 pso", "best so far", "step Δ", "−ĝ estimate", "scale √V", "velocity", "personal best"] {
      #expect(text.contains(label), "the legend lacks \(label):\n\(text)")
    }
    #expect(!grid.lines()[3].trimmingCharacters(in: .whitespaces).isEmpty, "the marks flowed onto a third row")
  }
}
