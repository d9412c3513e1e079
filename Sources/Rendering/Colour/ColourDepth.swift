/// How many colours the output can show.
public enum ColourDepth: String, Sendable, Hashable, CaseIterable {
  /// 24-bit colour (or a palette the program may redefine).
  case trueColour = "truecolor"
  /// The xterm 256-colour palette: the 6×6×6 cube and the grey ramp.
  case palette256 = "256"
  /// The sixteen ANSI colours.
  case palette16 = "16"
  /// The eight basic ANSI colours.
  case palette8 = "8"
  /// No colour at all: shades and attributes carry everything.
  case monochrome = "mono"

  /// A colour as this depth shows it.
  public func quantise(_ colour: RGB) -> TerminalColour {
    switch self {
    case .trueColour: return .rgb(colour)
    case .palette256: return .indexed(XtermPalette.index256(colour))
    case .palette16: return .indexed(XtermPalette.index16(colour))
    case .palette8: return .indexed(XtermPalette.index8(colour))
    case .monochrome: return .none
    }
  }
}

/// A colour as a terminal is told it.
public enum TerminalColour: Sendable, Hashable {
  case rgb(RGB)
  case indexed(UInt8)
  /// Leave the terminal's default.
  case none
}

/// Which characters the output can show.
public enum GlyphSet: String, Sendable, Hashable {
  /// Box drawing, blocks, braille and arrows.
  case unicode
  /// Printable ASCII only (a locale that is not UTF-8).
  case ascii
}

/// What the output device can show: its colour depth and its glyphs.
public struct DisplayProfile: Sendable, Hashable {
  public var colourDepth: ColourDepth
  public var glyphs: GlyphSet

  public init(colourDepth: ColourDepth, glyphs: GlyphSet) {
    self.colourDepth = colourDepth
    self.glyphs = glyphs
  }

  /// What an ANSI export and a modern terminal use: 256 colours, Unicode.
  public static let standard = DisplayProfile(colourDepth: .palette256, glyphs: .unicode)

  /// Picks the profile from what the terminal reports.
  ///
  /// - `noColor` (the NO_COLOR convention) wins: monochrome.
  /// - `canChangePalette` with at least 256 colours: exact colours
  ///   (the terminal redefines palette entries to the RGB asked for).
  /// - ≥ 256 colours: the xterm cube and grey ramp; ≥ 16: ANSI 16;
  ///   ≥ 8: ANSI 8; fewer: monochrome.
  /// - A locale that is not UTF-8 gets ASCII glyphs, whatever its colours.
  public static func detect(colours: Int, canChangePalette: Bool, isUTF8: Bool, noColor: Bool) -> DisplayProfile {
    let depth: ColourDepth
    if noColor {
      depth = .monochrome
    } else if colours >= 256 {
      depth = canChangePalette ? .trueColour : .palette256
    } else if colours >= 16 {
      depth = .palette16
    } else if colours >= 8 {
      depth = .palette8
    } else {
      depth = .monochrome
    }
    return DisplayProfile(colourDepth: depth, glyphs: isUTF8 ? .unicode : .ascii)
  }

  /// True when the locale variables name a UTF-8 character set: the first
  /// of LC_ALL, LC_CTYPE and LANG that is set decides, as in C's setlocale.
  public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
    let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let lowered = value.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }

  /// True when NO_COLOR is set to anything non-empty (no-color.org).
  public static func noColorRequested(_ environment: [String: String]) -> Bool {
    !(environment["NO_COLOR"] ?? "").isEmpty
  }
}
