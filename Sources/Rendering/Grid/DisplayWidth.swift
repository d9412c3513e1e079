/// How many terminal columns a glyph takes, as wcwidth(3) counts them: 0
/// for combining marks and format characters, 2 for East Asian Wide and
/// Fullwidth characters and emoji, 1 for everything else.
///
/// The table is the grid's own rather than the C library's, because
/// wcwidth answers by the process's locale (−1 for every non-ASCII scalar in
/// the "C" locale of a headless run) and a frame must be the same wherever
/// it is drawn. It agrees with glibc's C.UTF-8 on the scripts and symbols a
/// frame shows (`TerminalTests` compares them), which is what ncurses
/// measures with when it places the glyph.
public enum DisplayWidth {
  /// The columns of one scalar: 0, 1 or 2.
  @inlinable public static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    // Latin, Greek, Cyrillic, … before the first combining mark, and the
    // box drawing, blocks, shapes and braille that frames are made of (the
    // heat map's ▀ above all), without a look-up: one column.
    if value < 0x300 || (0x2500...0x25FC).contains(value) || (0x2800...0x28FF).contains(value) { return 1 }
    return value < 0x10000 ? Int(basicPlane[Int(value)]) : computed(scalar)
  }

  /// The columns `text` takes when written into the grid: each character
  /// counts as its first scalar, the one a cell keeps.
  public static func columns(of text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += columns(of: character.unicodeScalars.first!) }
    return total
  }

  /// Every scalar of the Basic Multilingual Plane, looked up once.
  @usableFromInline static let basicPlane: [UInt8] = (0..<0x10000).map { value in
    Unicode.Scalar(UInt32(value)).map(computed).map(UInt8.init) ?? 1
  }

  /// The width from the scalar's properties, for the table and for the
  /// planes above it.
  @usableFromInline static func computed(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format: return shownFormats.contains(value) ? 1 : 0
    default: break
    }
    // Hangul medial vowels and final consonants join the syllable's first
    // letter, which already took two columns.
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    if wide.contains(where: { $0.contains(value) }) { return 2 }
    // Emoji shown as pictures by default; a lone regional indicator (half a
    // flag) is shown as a letter.
    if scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) { return 2 }
    return 1
  }

  /// The format characters that take a column all the same: the soft
  /// hyphen and the prepended concatenation marks (Arabic number signs and
  /// their kin, drawn under the digits that follow).
  static let shownFormats: Set<UInt32> = [0xAD, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]

  /// The East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt,
  /// merged where unassigned scalars lie between).
  static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed, compatibility
    0x3400...0xA4CF,  // CJK extension A, Yijing hexagrams, CJK unified ideographs, Yi
    0xA960...0xA97F,  // Hangul initial consonants, extended
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth ASCII
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x18D8F,  // ideographic symbols, Tangut, Khitan
    0x1AFF0...0x1B2FF,  // kana extended and supplement, Nüshu
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B to F
    0x30000...0x3FFFD,  // CJK extensions G and H
  ]
}
