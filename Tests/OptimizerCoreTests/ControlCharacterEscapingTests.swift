import OptimizerCore
import Testing

/// `escapingControlCharacters`: what text from a file or the command line
/// looks like once it may reach a terminal or an SVG picture.
@Suite struct ControlCharacterEscapingTests {
  @Test func controlCharactersShowAsSwiftEscapes() {
    #expect("\u{1B}]0;owned\u{7}".escapingControlCharacters() == "\\u{1B}]0;owned\\u{7}")
    #expect("a\u{1B}[2Jb".escapingControlCharacters() == "a\\u{1B}[2Jb")
    #expect("tab\tcr\r".escapingControlCharacters() == "tab\\u{9}cr\\u{D}")
    #expect("del\u{7F} csi\u{9B}".escapingControlCharacters() == "del\\u{7F} csi\\u{9B}", "DEL and the C1 controls too")
    #expect("\u{FFFE}\u{FFFF}".escapingControlCharacters() == "\\u{FFFE}\\u{FFFF}", "noncharacters XML forbids")
  }

  @Test func printableTextIsLeftAlone() {
    for text in ["", "Rosenbrock's valley", "σ ∈ [0, 1] — café, 最適化, 🙂", "x^2 + 3*sin(y)", "back\\slash"] {
      #expect(text.escapingControlCharacters() == text)
    }
  }

  @Test func newlinesStayOnlyWhenAsked() {
    #expect("one\ntwo".escapingControlCharacters() == "one\\u{A}two")
    #expect("one\ntwo\u{1B}".escapingControlCharacters(keepingNewlines: true) == "one\ntwo\\u{1B}")
    #expect("crlf\r\n".escapingControlCharacters(keepingNewlines: true) == "crlf\\u{D}\n")
  }

  @Test func escapingTwiceChangesNothingMore() {
    let once = "\u{1B}[31mred\u{0}\u{85}".escapingControlCharacters()
    #expect(once.escapingControlCharacters() == once)
    #expect(!once.unicodeScalars.contains { $0.properties.generalCategory == .control })
  }
}
