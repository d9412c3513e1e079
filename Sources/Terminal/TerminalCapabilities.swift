import Rendering

/// What the terminal said it can do, and what follows for drawing.
struct TerminalCapabilities: Sendable, Hashable {
  /// terminfo's `colors` (0 when it has none).
  var colours: Int
  /// The colour pairs ncurses can define (COLOR_PAIRS once colours are
  /// started; 0 without colours).
  var colourPairs: Int
  /// The terminal can redefine its palette entries (`ccc` and `initc`).
  var canChangePalette: Bool
  /// The locale's character set is UTF-8.
  var isUTF8: Bool
  /// The user asked for no colour (NO_COLOR).
  var noColor: Bool
  /// COLORTERM says the terminal takes 24-bit colour (`requestsDirectColour`).
  var colourTermIsDirect = false

  /// True when COLORTERM is `truecolor` or `24bit`: the terminal, or tmux
  /// in front of it, takes 24-bit SGR colours whatever TERM's terminfo
  /// entry says (many terminal emulators set it).
  static func requestsDirectColour(_ environment: [String: String]) -> Bool {
    ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
  }

  /// Whether to believe a terminal that says it can redefine its palette.
  ///
  /// Multiplexers (tmux, screen) pass the claim of the outer terminfo on but
  /// ignore the redefinitions, which would paint the map in the wrong
  /// palette entries; inside them the fixed 256-colour palette is used.
  /// `OPTISCOPE_PALETTE=exact` or `=fixed` overrides the guess.
  static func trustsPaletteChanges(_ environment: [String: String]) -> Bool {
    switch environment["OPTISCOPE_PALETTE"] {
    case "exact": return true
    case "fixed": return false
    default:
      let term = environment["TERM"] ?? ""
      let multiplexed = environment["TMUX"] != nil || environment["STY"] != nil || term.hasPrefix("screen")
        || term.hasPrefix("tmux")
      return !multiplexed
    }
  }

  /// A direct-colour terminal (such as xterm-direct): colour numbers are
  /// 24-bit RGB values, not palette indices.
  var isDirectColour: Bool { colours >= 1 << 24 && !canChangePalette }

  /// The colours and glyphs the program draws with.
  var profile: DisplayProfile {
    if (isDirectColour || colourTermIsDirect && colours >= 8) && !noColor {
      return DisplayProfile(colourDepth: .trueColour, glyphs: isUTF8 ? .unicode : .ascii)
    }
    return DisplayProfile.detect(colours: colours, canChangePalette: canChangePalette, isUTF8: isUTF8, noColor: noColor)
  }

  /// How a cell's RGB becomes a terminal colour number.
  var colourMode: ColourMode {
    let depth = profile.colourDepth
    switch depth {
    case .monochrome: return .none
    case .palette8, .palette16, .palette256: return .indexed(depth)
    case .trueColour:
      if isDirectColour { return .direct }
      if colourTermIsDirect { return .escapes }
      return .palette(entries: 16..<Int32(min(colours, Int(Int32.max))))
    }
  }
}
