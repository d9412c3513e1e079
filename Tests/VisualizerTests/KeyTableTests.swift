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
  /// has its place: nothing is cut to "… n more".
  @Test func theHelpOverlayFitsEveryKeyAt80By24() throws {
    var grid = CellGrid(width: 80, height: 24)
    HelpOverlay.draw(KeyMap.help, into: &grid, area: Rect(width: 80, height: 23))
    let text = grid.plainText
    #expect(!text.contains("more"), "\(text)")
    for row in KeyMap.help { #expect(text.contains(row.keys), "the overlay lacks '\(row.keys)'") }
  }

  /// docs/KEYS.md is generated from the table; re-record with
  /// `RECORD=1 swift test --filter KeyTableTests` after changing a key.
  @Test func docsKeysMatchesTheTable() {
    assertGolden(KeyMap.markdown(), file: Self.keysFile, suite: "KeyTableTests")
  }
}
