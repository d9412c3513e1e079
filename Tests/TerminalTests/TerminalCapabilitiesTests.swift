import Rendering
import Testing

@testable import Terminal

@Suite struct TerminalCapabilitiesTests {
  private func capabilities(
    colours: Int, canChangePalette: Bool = false, isUTF8: Bool = true, noColor: Bool = false
  ) -> TerminalCapabilities {
    TerminalCapabilities(
      colours: colours, colourPairs: 65536, canChangePalette: canChangePalette, isUTF8: isUTF8, noColor: noColor)
  }

  @Test func aRedefinablePaletteGivesNearExactColoursAboveTheAnsiSixteen() {
    let terminal = capabilities(colours: 256, canChangePalette: true)
    #expect(terminal.profile == DisplayProfile(colourDepth: .trueColour, glyphs: .unicode))
    #expect(terminal.colourMode == .palette(entries: 16..<256))
  }

  @Test func aFixedPaletteUsesItsEntries() {
    #expect(capabilities(colours: 256).colourMode == .indexed(.palette256))
    #expect(capabilities(colours: 16).colourMode == .indexed(.palette16))
    #expect(capabilities(colours: 8, canChangePalette: true).colourMode == .indexed(.palette8))
  }

  @Test func directColourTerminalsTakeRGBNumbers() {
    let terminal = capabilities(colours: 1 << 24)
    #expect(terminal.profile.colourDepth == .trueColour)
    #expect(terminal.colourMode == .direct)
  }

  @Test func noColourAtAllForNoColorAndForMonochromeTerminals() {
    #expect(capabilities(colours: 256, canChangePalette: true, noColor: true).colourMode == .none)
    #expect(capabilities(colours: 1 << 24, noColor: true).colourMode == .none)
    #expect(capabilities(colours: 0).colourMode == .none)
  }

  @Test func aLocaleThatIsNotUTF8DrawsASCII() {
    #expect(capabilities(colours: 256, isUTF8: false).profile.glyphs == .ascii)
  }
}

/// Palette redefinitions are trusted outside multiplexers only, unless the
/// user says otherwise.
@Suite struct PaletteTrustTests {
  @Test func multiplexersUseTheFixedPalette() {
    #expect(!TerminalCapabilities.trustsPaletteChanges(["TERM": "xterm-256color", "TMUX": "/tmp/tmux-0/default,1,0"]))
    #expect(!TerminalCapabilities.trustsPaletteChanges(["TERM": "screen-256color"]))
    #expect(TerminalCapabilities.trustsPaletteChanges(["TERM": "xterm-256color"]))
  }

  @Test func theEnvironmentOverridesTheGuess() {
    #expect(TerminalCapabilities.trustsPaletteChanges(["TERM": "tmux-256color", "OPTISCOPE_PALETTE": "exact"]))
    #expect(!TerminalCapabilities.trustsPaletteChanges(["TERM": "xterm-256color", "OPTISCOPE_PALETTE": "fixed"]))
  }
}
