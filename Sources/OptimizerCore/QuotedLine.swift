/// A line as an error quotes it under its message (a scene file's line, a
/// typed expression, a `--break` condition), with the caret line that
/// points at the token: at most `maximumWidth` characters, so
/// that a long line (a 5 MB file of one line) prints as a short one. A cut
/// side ends in "…"; a token beyond the first `maximumWidth` characters is
/// shown in a window around it.
public struct QuotedLine: Sendable {
  /// About a wide terminal's width.
  public static let maximumWidth = 200

  /// The most characters of quoted text a message itself holds.
  public static let excerptLength = 60

  /// Text as a message quotes it (a name, a token, a value): cut to
  /// `excerptLength` characters ending in "…", so that the message stays
  /// one short line; the quoted line below it shows where the text stands.
  public static func excerpt(_ text: some StringProtocol) -> String {
    text.count > excerptLength ? text.prefix(excerptLength - 1) + "…" : String(text)
  }

  /// The line, or the window of it that is shown.
  public let text: String
  /// Spaces (tabs where the line has tabs, so that the caret lines up)
  /// and then carets under the token.
  public let caretLine: String

  /// `column` is 1-based; the caret is `tokenWidth` wide, cut at the end
  /// of the line (and at half the width in a long line).
  public init(_ line: String, column: Int, tokenWidth: Int) {
    let characters = Array(line)
    let start = min(max(column - 1, 0), characters.count)
    let width = max(1, min(tokenWidth, characters.count - start))
    let budget = Self.maximumWidth
    guard characters.count > budget else {
      self.init(text: line, shown: characters[...], caretStart: start, caretWidth: width, leading: false)
      return
    }
    let caretWidth = min(width, budget / 2)
    // The first window, less its trailing "…", or one centred on the token.
    var lower = 0
    if start + caretWidth > budget - 1 {
      lower = min(start - (budget - caretWidth) / 2, characters.count - (budget - 1))
    }
    let leading = lower > 0
    var upper = min(characters.count, lower + budget - (leading ? 1 : 0))
    let trailing = upper < characters.count
    if trailing { upper -= 1 }
    let shown = characters[lower..<upper]
    self.init(
      text: (leading ? "…" : "") + String(shown) + (trailing ? "…" : ""), shown: shown, caretStart: start,
      caretWidth: min(caretWidth, upper - start), leading: leading)
  }

  private init(text: String, shown: ArraySlice<Character>, caretStart: Int, caretWidth: Int, leading: Bool) {
    self.text = text
    let before = shown[shown.startIndex..<caretStart].map { $0 == "\t" ? "\t" : " " as Character }
    caretLine = (leading ? " " : "") + String(before) + String(repeating: "^", count: max(1, caretWidth))
  }
}
