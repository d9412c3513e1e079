import Foundation
import Testing

/// The visualizer on terminals that are not a UTF-8 xterm: one that cannot
/// address the cursor is refused with what to do instead, one without an
/// alternate screen is left clean, and a locale that is not UTF-8 gets
/// ASCII only. One at a time, as `InteractiveAppTests`.
@Suite(.serialized)
struct TerminalKindsTests {
  private let swarm = ["play", "--landscape", "himmelblau", "--optimizer", "pso", "--seed", "4"]

  private func start(_ arguments: [String], environment: [String: String]) throws -> TmuxSession {
    try TmuxSession(
      [OptiscopeBinary.path] + arguments, width: 120, height: 40,
      environment: environment.merging(["OPTISCOPE_RECOVERY": "off"]) { $1 })
  }

  @Test func termDumbIsRefusedNamingATerminalToUse() throws {
    let session = try start(swarm, environment: ["TERM": "dumb"])
    defer { session.kill() }
    #expect(try session.waitForExit() == 2)
    // The message is wider than the pane: its rows are joined again.
    let screen = try session.screen().replacingOccurrences(of: "\n", with: "")
    #expect(screen.contains("optiscope: error: this terminal (TERM=dumb) cannot address the cursor"))
    #expect(screen.contains("TERM=xterm-256color") && screen.contains("`optiscope run`"))
  }

  /// vt100 has no alternate screen: after the quit only the line the
  /// test's shell prints is left, nothing of the map or the status line.
  @Test func vt100IsLeftCleanAtTheEnd() throws {
    let session = try start(swarm + ["--paused"], environment: ["TERM": "vt100"])
    defer { session.kill() }
    try session.waitForScreen(containing: "pso")
    try session.type("q")
    #expect(try session.waitForExit() == 0)
    let left = ScreenReading.rows(of: try session.screen()).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(left.isEmpty, "the screen still shows:\n\(left.joined(separator: "\n"))")
  }

  /// COLORTERM=truecolor or 24bit: the map's colours reach tmux as 24-bit
  /// RGB, although TERM's terminfo entry (tmux-256color) knows only 256.
  @Test(arguments: ["truecolor", "24bit"])
  func colorTermDrawsTheMapIn24BitColourInsideTmux(colorTerm: String) throws {
    let session = try start(swarm + ["--paused"], environment: ["COLORTERM": colorTerm, "TERM": "tmux-256color"])
    defer { session.kill() }
    try session.closeCaption()
    let screen = try session.screenWithColours()
    #expect(screen.contains("▀"), "the heat map is drawn")
    #expect(screen.contains("[38;2;") && screen.contains("48;2;"), "no 24-bit colour in:\n\(screen.prefix(600))")
    #expect(!screen.contains("38;5;"), "nothing from the 256-colour palette")
  }

  @Test func withoutColorTermTheMapKeepsThe256ColourPalette() throws {
    let session = try start(swarm + ["--paused"], environment: ["TERM": "tmux-256color"])
    defer { session.kill() }
    try session.closeCaption()
    let screen = try session.screenWithColours()
    #expect(screen.contains("38;5;") && !screen.contains("38;2;"), "\(screen.prefix(600))")
  }

  /// The locale as the C library reads it: LANG alone, or LC_ALL over it.
  static let asciiLocales: [[String: String]] = [["LANG": "C", "LC_ALL": ""], ["LANG": "C.UTF-8", "LC_ALL": "POSIX"]]

  @Test(arguments: asciiLocales)
  func aLocaleThatIsNotUTF8GetsOnlyASCIIAndStillTheMarkers(locale: [String: String]) throws {
    let session = try start(swarm, environment: locale)
    defer { session.kill() }
    let caption = try session.waitForScreen(containing: TmuxSession.captionFooter)
    #expect(caption.unicodeScalars.allSatisfy { $0.isASCII }, "the caption is not ASCII:\n\(caption)")
    try session.closeCaption()
    let running = try session.waitForScreen("step 5") { (ScreenReading.sessionStep(in: $0) ?? 0) >= 5 }
    #expect(running.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII:\n\(running)")
    #expect(running.contains("x : [-5, 5]"), "∈ has its stand-in")
    // The swarm's particles (● → o) and the minimizers (⊕ → X) on the map,
    // left of the colour bar; the heat map's ramp has neither letter.
    let map = ScreenReading.rows(of: running).dropFirst().dropLast().map { $0.prefix(60) }
    #expect(map.contains { $0.contains("o") } && map.contains { $0.contains("X") })

    try session.type("?")
    let help = try session.waitForScreen(containing: "select a hyperparameter")
    #expect(help.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII:\n\(help)")
    try session.press("Escape")
    try session.type("o")
    let picker = try session.waitForScreen(containing: "type to filter")
    #expect(picker.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII:\n\(picker)")
  }
}
