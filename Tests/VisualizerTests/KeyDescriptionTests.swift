import Testing
import Visualizer

/// Keys read as the help overlay and docs/KEYS.md print them.
@Suite struct KeyDescriptionTests {
  @Test func specialKeysHaveReadableNames() {
    #expect(Key.character(" ").description == "space")
    #expect(Key.shiftRight.description == "shift-→")
    #expect(Key.control("c").description == "ctrl-c")
    #expect(Key.character("R").description == "R")
  }
}
