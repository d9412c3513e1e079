/// The ASCII stand-in for each glyph the renderer draws, for terminals and
/// files whose locale is not UTF-8: the painters' symbols (lines, arrows,
/// run markers, shades, gauges) and every symbol of the text the screen
/// shows (∈ and σ on the status line, the Greek letters, operators and
/// sub- and superscripts of the optimizers' and landscapes' help). A cell
/// holds one glyph, so each stand-in is one character, which keeps the
/// layout the same in both glyph sets.
public enum GlyphFallback {
  static let table: [Character: Character] = [
    // Lines and boxes.
    "─": "-", "━": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "╱": "/", "╲": "\\",
    // Arrows and pointers.
    "→": ">", "←": "<", "↑": "^", "↓": "v", "↗": "/", "↙": "/", "↖": "\\", "↘": "\\", "▸": ">", "›": ">",
    // Run markers, the best point, minimizers, probes and overlays.
    "●": "o", "■": "#", "▲": "^", "◆": "*", "▼": "v", "○": "O", "□": "#", "△": "A",
    "★": "*", "×": "x", "⊕": "X", "·": ".", "∘": "o", "⊙": "@", "◉": "@", "•": "*", "†": "+", "✦": "*", "⚠": "!",
    // Shades, half blocks and gauges.
    "░": ".", "▒": ":", "▓": "#", "█": "#", "▀": "#", "▕": "[", "▏": "]",
    "▎": "|", "▍": "|", "▌": "|", "▋": "|", "▊": "|", "▉": "|", "▁": "_",
    // Punctuation.
    "…": "~", "–": "-", "—": "-", "‖": "|", "⌊": "[", "⌋": "]", "′": "'",
    // Operators.
    "∈": ":", "−": "-", "±": "+", "÷": "/", "√": "r", "∇": "D", "≤": "<", "≥": ">", "≠": "#",
    "½": "/", "¾": "/",
    // Sub- and superscripts.
    "²": "2", "³": "3", "⁴": "4", "⁶": "6", "₀": "0", "₁": "1", "₂": "2", "₊": "+", "ᵢ": "i", "ⱼ": "j", "ᵗ": "t", "ₖ": "k",
    "₍": "(", "₎": ")",
    // The rest of the subscript digits (the per-axis symbols μ₁ … μ₆₄) and ηₛ's s.
    "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9", "ₛ": "s",
    // Greek letters, and a Latin one with a hat (an estimate, ĝ).
    "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "η": "n", "θ": "t", "κ": "k", "λ": "l", "μ": "u",
    "ζ": "z", "ξ": "x", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "ω": "w", "Δ": "D", "Π": "P", "Σ": "S", "ĝ": "g",
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

  /// True when `glyph` has a stand-in of its own (or needs none), rather
  /// than the "?" of an unknown glyph.
  public static func covers(_ glyph: Character) -> Bool {
    glyph.isASCII || table[glyph] != nil || glyph.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } == true
  }
}
