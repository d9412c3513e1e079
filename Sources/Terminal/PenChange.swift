import Rendering

/// The shortest SGR sequence that turns one pen into another.
///
/// Two ways are weighed: from scratch (`ESC[0;…m`: a reset, then what the
/// new pen has beyond the default, or `ESC[m` alone for the normal pen),
/// and by difference (the attributes switched off, 22 for bold and dim
/// together, 24, 27, those switched on, and only the colours that change).
/// One sequence carries attributes and both colours, where ncurses sends
/// each on its own.
enum PenChange {
  /// Appends to `bytes` what turns `current` into `target` (nothing when
  /// they are the same); `scratch` is working space.
  static func append(
    from current: Pen, to target: Pen, dialect: TerminalDialect, into bytes: inout [UInt8], scratch: inout [UInt8]
  ) {
    guard current != target else { return }
    // By difference, into scratch.
    scratch.removeAll(keepingCapacity: true)
    let removed = current.attributes.subtracting(target.attributes)
    var added = target.attributes.subtracting(current.attributes)
    if !removed.isDisjoint(with: [.bold, .dim]) {
      add([50, 50], to: &scratch)  // 22: neither bold nor dim
      added.formUnion(target.attributes.intersection([.bold, .dim]))
    }
    if removed.contains(.underline) { add([50, 52], to: &scratch) }
    if removed.contains(.reverse) { add([50, 55], to: &scratch) }
    appendAttributes(added, to: &scratch)
    if current.foreground != target.foreground {
      appendColour(target.foreground, foreground: true, dialect: dialect, to: &scratch)
    }
    if current.background != target.background {
      appendColour(target.background, foreground: false, dialect: dialect, to: &scratch)
    }
    // From scratch: 1 for the 0, and each part with its separator.
    let fromScratch = fromScratchLength(target, dialect: dialect)
    if fromScratch <= scratch.count {
      bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
      if target != .normal {
        bytes.append(UInt8(ascii: "0"))
        scratch.removeAll(keepingCapacity: true)
        appendAttributes(target.attributes, to: &scratch)
        if target.foreground != .terminalDefault {
          appendColour(target.foreground, foreground: true, dialect: dialect, to: &scratch)
        }
        if target.background != .terminalDefault {
          appendColour(target.background, foreground: false, dialect: dialect, to: &scratch)
        }
        bytes.append(UInt8(ascii: ";"))
        bytes.append(contentsOf: scratch)
      }
      bytes.append(UInt8(ascii: "m"))
    } else {
      bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
      bytes.append(contentsOf: scratch)
      bytes.append(UInt8(ascii: "m"))
    }
  }

  /// The parameters' length of the from-scratch sequence, counted the way
  /// the difference's parameters are (each part after a separator), so that
  /// the two compare: `ESC[m` counts 0, `ESC[0;1m` counts 3.
  private static func fromScratchLength(_ target: Pen, dialect: TerminalDialect) -> Int {
    if target == .normal { return 0 }
    // Each attribute is one digit and its separator.
    var length = 1 + 2 * target.attributes.rawValue.nonzeroBitCount
    if target.foreground != .terminalDefault { length += 1 + colourLength(target.foreground, foreground: true, dialect) }
    if target.background != .terminalDefault { length += 1 + colourLength(target.background, foreground: false, dialect) }
    return length
  }

  private static func colourLength(_ colour: PenColour, foreground: Bool, _ dialect: TerminalDialect) -> Int {
    if let rgb = colour.rgb {
      // 38;2;r;g;b
      return 5 + FrameBytes.digits(Int(rgb.red)) + FrameBytes.digits(Int(rgb.green)) + FrameBytes.digits(Int(rgb.blue)) + 2
    }
    return foreground ? dialect.parameters(foreground: colour.index).count : dialect.parameters(background: colour.index).count
  }

  /// 1 bold, 2 dim, 4 underline, 7 reverse.
  private static func appendAttributes(_ attributes: CellAttributes, to parameters: inout [UInt8]) {
    if attributes.contains(.bold) { add([49], to: &parameters) }
    if attributes.contains(.dim) { add([50], to: &parameters) }
    if attributes.contains(.underline) { add([52], to: &parameters) }
    if attributes.contains(.reverse) { add([55], to: &parameters) }
  }

  /// 39/49 for the default, terminfo's spelling of a palette number, 38;2;r;g;b for RGB.
  private static func appendColour(
    _ colour: PenColour, foreground: Bool, dialect: TerminalDialect, to parameters: inout [UInt8]
  ) {
    if !parameters.isEmpty { parameters.append(UInt8(ascii: ";")) }
    if colour == .terminalDefault {
      parameters.append(contentsOf: foreground ? [51, 57] : [52, 57])
    } else if let rgb = colour.rgb {
      parameters.append(contentsOf: foreground ? [51, 56, 59, 50, 59] : [52, 56, 59, 50, 59])
      FrameBytes.appendDecimal(Int(rgb.red), to: &parameters)
      parameters.append(UInt8(ascii: ";"))
      FrameBytes.appendDecimal(Int(rgb.green), to: &parameters)
      parameters.append(UInt8(ascii: ";"))
      FrameBytes.appendDecimal(Int(rgb.blue), to: &parameters)
    } else {
      parameters.append(
        contentsOf: foreground ? dialect.parameters(foreground: colour.index) : dialect.parameters(background: colour.index))
    }
  }

  private static func add(_ parameter: [UInt8], to parameters: inout [UInt8]) {
    if !parameters.isEmpty { parameters.append(UInt8(ascii: ";")) }
    parameters.append(contentsOf: parameter)
  }
}
