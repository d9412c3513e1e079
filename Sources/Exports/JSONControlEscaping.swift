extension String {
  /// JSON text from JSONEncoder with DEL and the C1 controls escaped as
  /// well (`\u009b`). JSONEncoder escapes the C0 controls, as JSON requires,
  /// but leaves these raw, as JSON allows, and a terminal obeys U+009B as
  /// ESC [. Outside its strings JSON text has none of them, so each one
  /// found is inside a string, where a `\u` escape means the same.
  public func escapingRawJSONControls() -> String {
    // DEL is 0x7F; U+0080…U+009F are 0xC2 0x80…0x9F in UTF-8.
    guard utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return self }
    var result = ""
    for scalar in unicodeScalars {
      if (0x7F...0x9F).contains(scalar.value) {
        result += "\\u00" + String(scalar.value, radix: 16)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
