import CNcurses
import Rendering

/// The sequences our own frame writer (`FrameWriter`) sends: ECMA-48 cursor
/// moves (CUP, CUD, CUF, CUB, CR, LF, BS) and SGR, with each colour number
/// spelled as TERM's terminfo entry spells it (`setaf`/`setab`: 31, 91 or
/// 38;5;196), so that the terminal ends in the state ncurses would leave.
///
/// A terminal whose terminfo entry speaks another language (its `cup` is no
/// CSI row;column H, its colours no SGR), or that scrolls when its last
/// column is written (`am` without `xenl`), gets no dialect: the ncurses
/// path draws for it.
struct TerminalDialect {
  /// The SGR parameters of foreground colour n (index n), for the numbers
  /// terminfo spells; larger ones are 38;5;n.
  let foreground: [[UInt8]]
  /// The same for the background (`setab`; 48;5;n beyond).
  let background: [[UInt8]]
  /// The bytes that redefine palette entry n as an RGB (terminfo's `initc`),
  /// for the redefinable palette (`ColourMode.palette`).
  let paletteDefinition: ((Int32, RGB) -> [UInt8])?

  /// The ANSI terminal's spelling: 30–37 and 90–97, then 38;5;n (what
  /// xterm-256color's terminfo says), with xterm's OSC 4 for the palette.
  static func ansi(colours: Int) -> TerminalDialect {
    func spelled(_ base: Int, _ bright: Int, _ extended: String) -> [[UInt8]] {
      (0..<min(colours, 256)).map { n in
        let text = n < 8 ? "\(base + n)" : n < 16 && colours >= 16 ? "\(bright + n - 8)" : "\(extended);5;\(n)"
        return Array(text.utf8)
      }
    }
    return TerminalDialect(
      foreground: spelled(30, 90, "38"), background: spelled(40, 100, "48"),
      paletteDefinition: { number, colour in
        func hex(_ value: UInt8) -> String { (value < 16 ? "0" : "") + String(value, radix: 16) }
        return Array("\u{1B}]4;\(number);rgb:\(hex(colour.red))/\(hex(colour.green))/\(hex(colour.blue))\u{1B}\\".utf8)
      })
  }

  /// The dialect of the terminal ncurses has open, or nil when it speaks
  /// no ECMA-48 (see the type's comment). `colours` is terminfo's `colors`.
  static func ofCurrentTerminal(colours: Int) -> TerminalDialect? {
    guard let cup = optiscope_tigetstr("cup"), unpadded(optiscope_tiparm(cup, 4, 9, 0, 0)) == "\u{1B}[5;10H" else {
      return nil
    }
    if optiscope_tigetflag("am") != 0 && optiscope_tigetflag("xenl") == 0 { return nil }
    let count = min(colours, 256)
    var foreground: [[UInt8]] = [], background: [[UInt8]] = []
    if count > 0 {
      guard let setaf = optiscope_tigetstr("setaf"), let setab = optiscope_tigetstr("setab") else { return nil }
      for n in 0..<count {
        guard let front = parameters(of: optiscope_tiparm(setaf, Int32(n), 0, 0, 0)),
          let back = parameters(of: optiscope_tiparm(setab, Int32(n), 0, 0, 0))
        else { return nil }
        foreground.append(front)
        background.append(back)
      }
    }
    var paletteDefinition: ((Int32, RGB) -> [UInt8])? = nil
    if let initc = optiscope_tigetstr("initc") {
      // ncurses scales 0…1000; rounding up makes the terminal's 0…255 come back exact.
      let template = String(cString: initc)
      paletteDefinition = { number, colour in
        func scaled(_ value: UInt8) -> Int32 { (Int32(value) * 1000 + 254) / 255 }
        return template.withCString { capability in
          Array(
            unpadded(
              optiscope_tiparm(capability, number, scaled(colour.red), scaled(colour.green), scaled(colour.blue))
            ).utf8)
        }
      }
    }
    return TerminalDialect(foreground: foreground, background: background, paletteDefinition: paletteDefinition)
  }

  /// The SGR parameters of colour number n.
  func parameters(foreground n: Int32) -> [UInt8] {
    n >= 0 && Int(n) < foreground.count ? foreground[Int(n)] : Array("38;5;\(n)".utf8)
  }

  func parameters(background n: Int32) -> [UInt8] {
    n >= 0 && Int(n) < background.count ? background[Int(n)] : Array("48;5;\(n)".utf8)
  }

  /// "1;2" of "ESC[1;2m", or nil when the text is no single SGR sequence.
  private static func parameters(of text: UnsafePointer<CChar>?) -> [UInt8]? {
    let bytes = Array(unpadded(text).utf8)
    guard bytes.count > 3, bytes[0] == 0x1B, bytes[1] == UInt8(ascii: "["), bytes.last == UInt8(ascii: "m") else {
      return nil
    }
    let inner = bytes[2..<(bytes.count - 1)]
    guard inner.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ";") }) else { return nil }
    return Array(inner)
  }

  /// A terminfo string without its padding (`$<5>`, a delay only ncurses's
  /// output routine understands).
  private static func unpadded(_ text: UnsafePointer<CChar>?) -> String {
    guard let text else { return "" }
    return String(cString: text).replacing(#/\$<[0-9.]*[*\/]*>/#, with: "")
  }
}
