import Rendering
import Scenes
import TestSupport
import Testing
import Visualizer

/// The tour as a newcomer first sees it, at the large and the classic
/// size: its caption, then the map with the legend naming each run, and
/// the colour bar saying what it measures. Snapshots keep glyphs and
/// colours (RECORD=1 re-records them when the screen changes on purpose).
@Suite struct TourSnapshotTests {
  static let runNames = ["1 adam", "2 pso", "3 adaptive-order-walk"]

  static func tour(steps: Int) throws -> AppState {
    let scene = try #require(SceneLibrary.curated("tour")).load()
    var state = try replayState(scene)
    state.showCaption = steps == 0
    for _ in 0..<steps { update(&state, .stepForward) }
    return state
  }

  static func render(_ state: AppState, width: Int, height: Int) -> CellGrid {
    var screen = Screen()
    return screen.render(state, width: width, height: height, profile: .standard)
  }

  @Test(arguments: [(120, 40), (80, 24)])
  func theTourOpensWithItsCaption(width: Int, height: Int) throws {
    let grid = Self.render(try Self.tour(steps: 0), width: width, height: height)
    let text = grid.plainText
    #expect(text.contains("Tour: three ways down"))
    #expect(text.contains("w shows this again"))
    assertSnapshot(grid, named: "tour-\(width)x\(height)-caption")
  }

  @Test func atOneHundredTwentyByFortyTheLegendNamesEveryRun() throws {
    let grid = Self.render(try Self.tour(steps: 60), width: 120, height: 40)
    let rows = grid.lines()
    let legend = rows.suffix(4).joined(separator: "\n")
    for name in Self.runNames { #expect(legend.contains(name), "the legend lacks \(name):\n\(legend)") }
    #expect(legend.contains("best so far") && legend.contains("known minimum"))
    #expect(rows[0].contains("loss, log"), "the colour bar says what it measures and its scale")
    assertSnapshot(grid, named: "tour-120x40-step60")
  }

  @Test func atEightyByTwentyFourTheLegendIsInTheHelp() throws {
    var state = try Self.tour(steps: 60)
    let plain = Self.render(state, width: 80, height: 24)
    assertSnapshot(plain, named: "tour-80x24-step60")
    update(&state, .toggleHelp)
    let help = Self.render(state, width: 80, height: 24).plainText
    for name in Self.runNames { #expect(help.contains(name), "the help lacks \(name):\n\(help)") }
    #expect(help.contains("On the map"))
  }
}
