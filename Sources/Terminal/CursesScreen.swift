import Foundation
import CNcurses
import Glibc
import Rendering
import Visualizer

/// One ncurses screen, on the real terminal or on a file standing in for
/// one: set-up, cell output, input and teardown.
///
/// ncurses keeps one current screen per process, so only one of these may
/// be open at a time.
final class CursesScreen {
  private(set) var capabilities: TerminalCapabilities
  /// The terminal has default colours (-1 in a colour pair).
  private(set) var hasDefaultColours = false
  /// Mouse reports are on (ncurses's clicks plus drag tracking).
  private(set) var mouseEnabled = false
  /// The terminfo key codes of shift-↑ and shift-↓ ("kUP", "kDN"), which
  /// ncurses numbers at run time.
  private(set) var extendedKeys: [Int32: Key] = [:]

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let output: UnsafeMutablePointer<FILE>
  private let input: UnsafeMutablePointer<FILE>
  /// True for the file-backed stand-in, whose files this object closes.
  private let isVirtual: Bool
  private var isOpen = true
  /// Drag tracking must be (re)sent after ncurses's own mouse mode, which
  /// it writes on the next update.
  private var dragTrackingPending = false

  /// xterm's button-event tracking: motion is reported while a button is
  /// held, which is what drags need (any-event tracking, 1003, would also
  /// wake a paused program on every pointer move).
  static let dragTrackingOn = "\u{1B}[?1002h"
  static let dragTrackingOff = "\u{1B}[?1002l"

  private init(
    screen: OpaquePointer, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, isVirtual: Bool,
    isUTF8: Bool, noColor: Bool, colourTermIsDirect: Bool
  ) {
    self.screen = screen
    self.output = output
    self.input = input
    self.isVirtual = isVirtual
    window = optiscope_stdscr()
    capabilities = TerminalCapabilities(
      colours: max(Int(tigetnum("colors")), 0),
      colourPairs: 0,
      canChangePalette: can_change_color() && TerminalCapabilities.trustsPaletteChanges(ProcessInfo.processInfo.environment),
      isUTF8: isUTF8,
      noColor: noColor,
      colourTermIsDirect: colourTermIsDirect)
  }

  /// Opens the screen on stdin and stdout with TERM's terminfo entry.
  static func onTerminal(isUTF8: Bool, noColor: Bool) throws -> CursesScreen {
    guard let screen = newterm(nil, optiscope_stdout(), optiscope_stdin()) else {
      throw TerminalError.unknownTerminal(getenv("TERM").map { String(cString: $0) })
    }
    try requireCursorAddressing(screen, term: getenv("TERM").map { String(cString: $0) } ?? "")
    let curses = CursesScreen(
      screen: screen, output: optiscope_stdout(), input: optiscope_stdin(), isVirtual: false, isUTF8: isUTF8,
      noColor: noColor,
      colourTermIsDirect: TerminalCapabilities.requestsDirectColour(ProcessInfo.processInfo.environment))
    curses.configure(interactive: true)
    return curses
  }

  /// Refuses a terminal that cannot move its cursor to a cell (no `cup`):
  /// ncurses opens one, but draws nothing useful on it. The screen just
  /// opened is closed again; it has sent nothing yet.
  private static func requireCursorAddressing(_ screen: OpaquePointer, term: String) throws {
    guard optiscope_tigetstr("cup") == nil else { return }
    endwin()
    delscreen(screen)
    throw TerminalError.cannotAddressCursor(term)
  }

  /// A screen of `width`×`height` for terminfo entry `term` whose output
  /// goes to a temporary file: what the benchmark and the tests present to.
  /// With `isUTF8`, the process's character type becomes C.UTF-8 unless it
  /// is UTF-8 already (ncurses encodes wide characters by the locale);
  /// `colourTermIsDirect` stands for COLORTERM=truecolor.
  static func virtual(
    term: String, width: Int, height: Int, isUTF8: Bool = true, noColor: Bool = false, colourTermIsDirect: Bool = false
  ) throws -> CursesScreen {
    if isUTF8 && !localeIsUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
    guard let output = tmpfile() else { throw TerminalError.systemCallFailed("tmpfile", String(cString: strerror(errno))) }
    guard let input = fopen("/dev/null", "r") else {
      fclose(output)
      throw TerminalError.systemCallFailed("fopen /dev/null", String(cString: strerror(errno)))
    }
    guard let screen = newterm(term, output, input) else {
      fclose(output)
      fclose(input)
      throw TerminalError.unknownTerminal(term)
    }
    do { try requireCursorAddressing(screen, term: term) } catch {
      fclose(output)
      fclose(input)
      throw error
    }
    let curses = CursesScreen(
      screen: screen, output: output, input: input, isVirtual: true, isUTF8: isUTF8, noColor: noColor,
      colourTermIsDirect: colourTermIsDirect)
    resizeterm(Int32(height), Int32(width))
    curses.configure(interactive: false)
    return curses
  }

  /// True when the locale's character set is UTF-8.
  static var localeIsUTF8: Bool {
    String(cString: optiscope_codeset()).uppercased().filter { $0 != "-" } == "UTF8"
  }

  /// Modes, colours, mouse and keys. The terminal modes (cbreak, noecho,
  /// no flow control) only make sense on a real terminal.
  private func configure(interactive: Bool) {
    if interactive {
      cbreak()
      noecho()
      disableFlowControl()
      set_escdelay(25)
    }
    keypad(window, true)
    nodelay(window, true)
    // The loop reads all input before it draws: doupdate need not poll
    // for typeahead on every line (nor stop early when it finds some).
    typeahead(-1)
    curs_set(0)
    // Escapes carry their own colours: ncurses draws none.
    if capabilities.colourMode != .none && capabilities.colourMode != .escapes {
      start_color()
      hasDefaultColours = use_default_colors() == OK
      // What init_extended_pair accepts, which ncurses may cap below terminfo's `pairs`.
      capabilities.colourPairs = Int(optiscope_color_pairs())
    }
    if interactive {
      let wanted = optiscope_all_mouse_events() | optiscope_report_mouse_position()
      if mousemask(wanted, nil) != 0 {
        mouseinterval(0)
        mouseEnabled = true
        dragTrackingPending = true
      }
    }
    for (sequence, code) in Self.commonKeySequences where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
    for (name, key) in [("kUP", Key.shiftUp), ("kDN", Key.shiftDown)] {
      guard let sequence = optiscope_tigetstr(name) else { continue }
      let code = key_defined(sequence)
      if code > 0 { extendedKeys[code] = key }
    }
  }

  /// What terminals send for these keys whatever their terminfo entry
  /// says: TERM is often a little wrong (xterm-256color inside tmux sends
  /// home as "\e[1~", which xterm's entry does not list).
  static let commonKeySequences: [(String, Int32)] = [
    ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
    ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
    ("\u{1B}[Z", KEY_BTAB), ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
    ("\u{1B}[1;2A", KEY_SR), ("\u{1B}[1;2B", KEY_SF), ("\u{1B}[1;2D", KEY_SLEFT), ("\u{1B}[1;2C", KEY_SRIGHT),
  ]

  /// Ctrl-S and Ctrl-Q stay keys instead of freezing the output (cbreak
  /// leaves XON/XOFF on); def_prog_mode makes ncurses keep this after a
  /// suspend.
  private func disableFlowControl() {
    var modes = termios()
    guard tcgetattr(STDOUT_FILENO, &modes) == 0 else { return }
    modes.c_iflag &= ~tcflag_t(IXON)
    tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
    def_prog_mode()
  }

  /// The bytes that put the terminal back as it was, for the crash handler
  /// (which cannot call ncurses): attributes reset, the palette restored,
  /// mouse reports off, the cursor shown, keypad mode and the alternate
  /// screen left, or the screen cleared when there is none. terminfo's
  /// padding (`$<5>`, a delay for slow terminals) is dropped: only
  /// ncurses's output routine understands it.
  var restoreSequence: String {
    var bytes = ""
    for capability in ["sgr0", "oc", "cnorm", "rmkx", hasAlternateScreen ? "rmcup" : "clear"] {
      if let value = optiscope_tigetstr(capability) {
        bytes += String(cString: value).replacing(#/\$<[0-9.]*[*\/]*>/#, with: "")
      }
      if capability == "oc", mouseEnabled { bytes += Self.dragTrackingOff + "\u{1B}[?1006l\u{1B}[?1000l" }
    }
    return bytes
  }

  /// The terminal has a screen of its own for programs (`smcup`), which
  /// ncurses leaves at the end; without one (vt100) the frame stays under
  /// the shell's prompt unless it is cleared.
  private var hasAlternateScreen: Bool { optiscope_tigetstr("smcup") != nil }

  /// Columns and rows.
  var size: (width: Int, height: Int) {
    var rows: Int32 = 0, columns: Int32 = 0
    optiscope_getmaxyx(window, &rows, &columns)
    return (Int(columns), Int(rows))
  }

  /// Writes one cell into ncurses's picture of the screen.
  func put(x: Int, y: Int, scalar: Unicode.Scalar, attributes: CellAttributes, pair: Int32) {
    var attr: attr_t = 0
    if attributes.contains(.bold) { attr |= optiscope_a_bold() }
    if attributes.contains(.dim) { attr |= optiscope_a_dim() }
    if attributes.contains(.reverse) { attr |= optiscope_a_reverse() }
    if attributes.contains(.underline) { attr |= optiscope_a_underline() }
    // The bottom-right cell reports ERR (the cursor cannot move past it)
    // but is written all the same.
    _ = optiscope_put_cell(window, Int32(y), Int32(x), wchar_t(bitPattern: scalar.value), attr, pair)
  }

  /// Defines colour pair `number`.
  func definePair(_ number: Int32, _ colours: ColourPairKey) {
    init_extended_pair(number, colours.foreground, colours.background)
  }

  /// Redefines palette entry `number` as `colour` (ncurses scales 0…1000;
  /// rounding up makes the terminal's 0…255 come back exact).
  func defineColour(_ number: Int32, _ colour: RGB) {
    func scaled(_ value: UInt8) -> Int32 { (Int32(value) * 1000 + 254) / 255 }
    init_extended_color(number, scaled(colour.red), scaled(colour.green), scaled(colour.blue))
  }

  /// Puts the terminal's palette back (`oc`), for palette entries
  /// redefined past ncurses.
  func restorePalette() {
    guard let value = optiscope_tigetstr("oc") else { return }
    writeDirectly(String(cString: value).replacing(#/\$<[0-9.]*[*\/]*>/#, with: ""))
  }

  /// The next update repaints the whole screen from a cleared one.
  func clearOnNextUpdate() {
    clearok(optiscope_curscr(), true)
  }

  /// Sends what changed to the terminal.
  func update() {
    wnoutrefresh(window)
    doupdate()
    if dragTrackingPending {
      dragTrackingPending = false
      writeDirectly(Self.dragTrackingOn)
    }
  }

  /// After a suspend: ncurses set its mouse mode again, drag tracking
  /// follows with the next update.
  func resume() {
    dragTrackingPending = mouseEnabled
  }

  /// Writes bytes past ncurses, straight to the output descriptor (as
  /// ncurses itself does when it flushes, so the order is kept).
  func writeDirectly(_ text: String) {
    writeDirectly(Array(text.utf8))
  }

  /// Writes `bytes` past ncurses in one write(2) (more only when the
  /// terminal takes part of them).
  func writeDirectly(_ bytes: [UInt8]) {
    var bytes = bytes[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(fileno(output), $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// The next pending input, or nil when there is none.
  func read() -> RawInput? {
    var character: wint_t = 0
    switch wget_wch(window, &character) {
    case OK:
      return .character(UInt32(character))
    case KEY_CODE_YES:
      let code = Int32(bitPattern: UInt32(character))
      if code == KEY_RESIZE {
        let (width, height) = size
        return .resize(width: width, height: height)
      }
      if code == KEY_MOUSE {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return .mouse(column: Int(event.x), row: Int(event.y), state: UInt(event.bstate))
      }
      return .key(code)
    default:
      return nil
    }
  }

  /// The number of bytes the file-backed stand-in holds.
  var bytesWritten: Int {
    precondition(isVirtual, "only a virtual screen counts its bytes")
    return Int(lseek(fileno(output), 0, SEEK_CUR))
  }

  /// The bytes the file-backed stand-in holds from `offset` on.
  func writtenBytes(from offset: Int) -> [UInt8] {
    let end = bytesWritten
    guard end > offset else { return [] }
    var bytes = [UInt8](repeating: 0, count: end - offset)
    let count = bytes.withUnsafeMutableBytes { pread(fileno(output), $0.baseAddress, end - offset, off_t(offset)) }
    return Array(bytes.prefix(max(count, 0)))
  }

  /// Puts the terminal back: drag tracking and mouse reports off, the
  /// screen cleared when it is the shell's own (no alternate screen), then
  /// endwin (modes, cursor, palette, main screen) and the screen freed.
  /// A virtual screen's bytes stay readable until it is released.
  func close() {
    guard isOpen else { return }
    isOpen = false
    if mouseEnabled {
      writeDirectly(Self.dragTrackingOff)
      mousemask(0, nil)
    }
    if !hasAlternateScreen {
      werase(window)
      clearOnNextUpdate()
      wnoutrefresh(window)
      doupdate()
    }
    endwin()
    delscreen(screen)
  }

  deinit {
    close()
    if isVirtual {
      fclose(output)
      fclose(input)
    }
  }
}
