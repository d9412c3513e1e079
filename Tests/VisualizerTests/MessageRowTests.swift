import Rendering
import Testing
import Visualizer

/// A status message too long for the status line gets rows of its own,
/// which hide none of the legend under the map.
@Suite struct MessageRowTests {
  static let long =
    "forked: recording a new scene from step 30 · lr = 0.02 · faint line: where it would be with lr = 0.02 from the start (W hides it)"

  @Test func aLongMessageLeavesTheLegendReadableAt120x40() throws {
    var state = try testState()
    var screen = Screen()
    let layout = try #require(FrameLayout(width: 120, height: 40))
    let before = screen.render(state, width: 120, height: 40, profile: .standard).lines()
    state.message = StatusMessage(Self.long)
    let after = screen.render(state, width: 120, height: 40, profile: .standard).lines()
    let screenText = after.joined(separator: "\n")
    #expect(screenText.contains("forked: recording a new scene from step 30"), "\(screenText)")
    #expect(screenText.contains("(W hides it)"), "\(screenText)")
    #expect(!after[layout.status.y].contains("forked"), "the message has rows of its own")
    for row in layout.legend.y..<layout.legend.maxY {
      #expect(after[row] == before[row], "legend row \(row): \(after[row])")
    }
    #expect(before[layout.legend.y].contains { $0 != " " }, "the legend has text")
    #expect(after[layout.map.maxY - 1] != before[layout.map.maxY - 1], "the message is over the map's bottom row")
  }

  @Test func withoutALegendTheMessageSitsAboveTheStatusLine() throws {
    var state = try testState()
    state.message = StatusMessage(Self.long)
    var screen = Screen()
    let lines = screen.render(state, width: 80, height: 24, profile: .standard).lines()
    #expect(lines[21].contains("forked") && lines[22].contains("(W hides it)"), "\(lines.joined(separator: "\n"))")
  }
}
