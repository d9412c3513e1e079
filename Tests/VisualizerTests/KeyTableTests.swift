import Foundation
import Rendering
import TestSupport
import Testing
import Visualizer

/// The key table, the help overlay and docs/KEYS.md agree.
@Suite struct KeyTableTests {
  static let keysFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/KEYS.md")

  @Test func noKeyIsBoundTwice() {
    let keys = KeyMap.bindings.flatMap(\.keys)
    #expect(Set(keys).count == keys.count)
  }

  @Test func everyBoundKeyHasAnActionAndAHelpRow() {
    for binding in KeyMap.bindings {
      for key in binding.keys { #expect(KeyMap.action(for: key) != nil, "\(key) does nothing") }
    }
    let help = KeyMap.help
    for section in ["Running", "Scenes", "Runs", "Hyperparameters", "Landscape", "View", "Mouse", "General"] {
      #expect(help.contains { $0.section == section }, "the help has no \(section) section")
    }
  }

  @Test func theHelpOverlayShowsEveryRow() throws {
    var grid = CellGrid(width: 200, height: 60)
    HelpOverlay.draw(KeyMap.help, into: &grid, area: grid.bounds)
    let text = grid.plainText
    for row in KeyMap.help { #expect(text.contains(row.description), "the overlay lacks '\(row.description)'") }
  }

  /// At the classic 80×24 (the status line below) every row of the help
  /// has its place on one of its pages, with the legend's rows before
  /// them as the screen shows it there; the title says how to turn them.
  @Test func everyKeyIsOnAPageOfTheHelpAt80By24() throws {
    let legend = (0..<6).map { KeyHelp(section: "On the map", keys: "●", description: "legend row \($0)") }
    let rows = legend + KeyMap.help
    var pages: [String] = []
    var count = 1
    repeat {
      var grid = CellGrid(width: 80, height: 24)
      count = HelpOverlay.draw(rows, into: &grid, area: Rect(width: 80, height: 23), page: pages.count)
      pages.append(grid.plainText)
    } while pages.count < count
    let text = pages.joined(separator: "\n")
    for row in rows { #expect(text.contains(row.description.prefix(14)), "no page has '\(row.description)'") }
    if count > 1 { #expect(pages[0].contains("Keys, page 1/\(count) (space: next page)")) }
    #expect(!text.contains("…│"), "a long description wraps instead of being cut:\n\(text)")
    var wrapped = CellGrid(width: 80, height: 24)
    HelpOverlay.draw(rows, into: &wrapped, area: Rect(width: 80, height: 23), page: count)
    #expect(wrapped.plainText == pages[0], "pages count round")
  }

  /// docs/KEYS.md is generated from the table; re-record with
  /// `RECORD=1 swift test --filter KeyTableTests` after changing a key.
  @Test func docsKeysMatchesTheTable() {
    assertGolden(KeyMap.markdown(), file: Self.keysFile, suite: "KeyTableTests")
  }
}

/// Space turns the help's page and any other key closes it.
@Suite struct HelpPagingTests {
  @Test func spaceTurnsThePageAndAnotherKeyCloses() throws {
    var state = try testState()
    press(.character("?"), on: &state)
    #expect(state.showHelp && state.helpPage == 0)
    press(.character(" "), .pageDown, on: &state)
    #expect(state.showHelp && state.helpPage == 2)
    press(.pageUp, on: &state)
    #expect(state.helpPage == 1)
    press(.character("x"), on: &state)
    #expect(!state.showHelp)
    #expect(state.session.runs.count == 2, "the closing key does nothing else")
    press(.character("?"), on: &state)
    #expect(state.helpPage == 0, "the help opens on its first page")
  }
}
