extension StringProtocol {
  /// The text with every control character shown as Swift writes it in a
  /// string literal, `\u{1B}` for ESC, `\u{7}` for BEL: the C0 controls
  /// (tab, carriage return and line feed among them), DEL and the C1
  /// controls, and the noncharacters U+FFFE, U+FFFF and their kin.
  ///
  /// Text from a file or the command line (a scene's title, a path, a
  /// typed name) goes through here before it is printed, so that it cannot
  /// drive the terminal (`\u{1B}]0;…\u{7}` retitles the window, `\u{1B}[2J`
  /// clears it), and before it goes into an SVG picture, which as XML 1.0
  /// may hold none of the C0 controls but tab, line feed and carriage
  /// return and neither U+FFFE nor U+FFFF. A line feed stays itself when
  /// `keepingNewlines` (a message or a table of several lines).
  public func escapingControlCharacters(keepingNewlines: Bool = false) -> String {
    // Printable ASCII (the whole of most text) needs no look at its scalars.
    if utf8.allSatisfy({ (0x20..<0x7F).contains($0) || ($0 == 0x0A && keepingNewlines) }) { return String(self) }
    var result = ""
    for scalar in unicodeScalars {
      if scalar == "\n" && keepingNewlines || !scalar.needsEscaping {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return result
  }
}

extension Unicode.Scalar {
  fileprivate var needsEscaping: Bool {
    properties.generalCategory == .control || properties.isNoncharacterCodePoint
  }
}
