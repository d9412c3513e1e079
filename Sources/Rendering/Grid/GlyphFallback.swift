/// The ASCII stand-in for each glyph the renderer draws, for terminals and
/// files whose locale is not UTF-8.
public enum GlyphFallback {
  static let table: [Character: Character] = [
    "─": "-", "━": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "╱": "/", "╲": "\\",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "↗": "/", "↙": "/", "↖": "\\", "↘": "\\",
    "●": "o", "■": "#", "▲": "^", "◆": "*", "▼": "v", "○": "O", "□": "#", "△": "A",
    "★": "*", "×": "x", "·": ".", "∘": "o", "⊙": "@", "◉": "@", "…": "~", "•": "*",
    "░": ".", "▒": ":", "▓": "#", "█": "#", "▀": "#", "▕": "[", "▏": "]",
    "▎": "|", "▍": "|", "▌": "|", "▋": "|", "▊": "|", "▉": "|", "▁": "_",
  ]

  /// The glyph itself when it is ASCII, else its stand-in: braille cells
  /// become ":" (or a space when empty), anything unknown "?".
  public static func ascii(_ glyph: Character) -> Character {
    if glyph.isASCII { return glyph }
    if let replacement = table[glyph] { return replacement }
    if let scalar = glyph.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) {
      return scalar.value == 0x2800 ? " " : ":"
    }
    return "?"
  }
}
