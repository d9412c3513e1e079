import Foundation

/// A program running in a detached tmux session of a fixed size, driven
/// and read as a user would: keys in, the screen (with or without its
/// colours) out, the window resized, the exit status and the terminal's
/// state after the program ends.
///
/// Every session of a test run lives on one tmux server of its own
/// (`-L optiscope-e2e-<pid>`, no configuration file), so the tests never
/// touch the user's tmux. The server goes away with its last session.
/// The program runs through a small shell wrapper that writes its exit
/// status to a file and then keeps the pane open, so the terminal's state
/// after the exit can still be read.
final class TmuxSession {
  /// Why a step of a test failed, with what the screen showed.
  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// The session's own tmux server: one per session, so that a session
  /// ending (which ends a server with no other session) can never race
  /// another test starting its own.
  let socket: String

  /// Variables of the test runner's environment that would change what the
  /// program draws (the runner may set NO_COLOR), removed unless a test
  /// sets them.
  static let unsetVariables = ["NO_COLOR", "COLORTERM", "OPTISCOPE_PALETTE", "TMUX"]

  /// What the environment holds unless a test says otherwise.
  static let defaultEnvironment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

  let name: String
  private let statusFile: URL
  private var isAlive = true

  /// The tmux binary, or a failure that says how to install it.
  static func tmux() throws -> String {
    guard let tmux = CommandRunner.which("tmux") else {
      throw Failure(message: "tmux is not installed: run scripts/ensure-tmux.sh (apt-get install tmux)")
    }
    return tmux
  }

  /// Starts `command` (an executable and its arguments) in a new session
  /// of `width`×`height` cells, with `environment` over the defaults.
  /// With `outputLog`, everything the program writes to the terminal is
  /// appended to that file too (tmux's pipe-pane, set up in the same tmux
  /// command as the session, before the program can write).
  init(
    _ command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
    outputLog: URL? = nil
  ) throws {
    name = "e2e-\(UUID().uuidString.prefix(8))"
    socket = "optiscope-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
    statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-\(name).status")
    try? FileManager.default.removeItem(at: statusFile)
    let variables = Self.defaultEnvironment.merging(environment) { $1 }.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }
    // "$0" "$@" is the program; its status goes to the file, then the pane
    // stays. Ctrl-C reaches the whole foreground group: the trap keeps the
    // wrapper alive (a trapped signal, unlike an ignored one, is back at
    // its default action in the program).
    let wrapper = "trap : INT; \"$0\" \"$@\"; echo $? > '\(statusFile.path)'; exec sleep 3600"
    try run(
      ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "--", "env"]
        + Self.unsetVariables.filter { environment[$0] == nil }.flatMap { ["-u", $0] } + variables
        + ["/bin/sh", "-c", wrapper] + command
        + (outputLog.map { [";", "pipe-pane", "-O", "-t", name, "cat >> '\($0.path)'"] } ?? []))
  }

  deinit { kill() }

  /// Presses keys by tmux's names: "Enter", "Escape", "Left", "S-Left",
  /// "C-c", "BTab", "F1", or single characters.
  func press(_ keys: String...) throws {
    try run(["send-keys", "-t", name] + keys)
  }

  /// Types `text` literally, character by character.
  func type(_ text: String) throws {
    try run(["send-keys", "-t", name, "-l", "--", text])
  }

  /// The screen's text, one line per row (trailing blanks dropped).
  func screen() throws -> String {
    try run(["capture-pane", "-p", "-t", name]).stdout
  }

  /// The screen with its colours and attributes as SGR escapes.
  func screenWithColours() throws -> String {
    try run(["capture-pane", "-p", "-e", "-t", name]).stdout
  }

  /// Resizes the window (and so the program's terminal).
  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen every 50 ms until `condition` holds; fails after
  /// `timeout` with the last screen in the message.
  @discardableResult
  func waitForScreen(
    _ description: String, timeout: Duration = .seconds(15), colours: Bool = false,
    until condition: (String) -> Bool
  ) throws -> String {
    let clock = ContinuousClock(), deadline = clock.now + timeout
    var last = ""
    while true {
      last = colours ? try screenWithColours() : try screen()
      if condition(last) { return last }
      guard clock.now < deadline else {
        throw Failure(message: "timed out after \(timeout) waiting for \(description); the screen was:\n\(last)")
      }
      usleep(50_000)
    }
  }

  /// Waits until the screen shows `text`.
  @discardableResult
  func waitForScreen(containing text: String, timeout: Duration = .seconds(15)) throws -> String {
    try waitForScreen("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  /// Waits for the program to exit and returns its status.
  func waitForExit(timeout: Duration = .seconds(15)) throws -> Int32 {
    let clock = ContinuousClock(), deadline = clock.now + timeout
    while true {
      if let text = try? String(contentsOf: statusFile, encoding: .utf8), text.hasSuffix("\n"),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      guard clock.now < deadline else {
        throw Failure(message: "the program did not exit within \(timeout); the screen was:\n\((try? screen()) ?? "")")
      }
      usleep(50_000)
    }
  }

  /// What the terminal looks like to the next program.
  struct TerminalState: Equatable, CustomStringConvertible {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var mouseReporting: Bool

    /// As a shell expects it: main screen, cursor shown, no mouse reports.
    static let restored = TerminalState(alternateScreen: false, cursorVisible: true, mouseReporting: false)

    var description: String {
      "alternate screen \(alternateScreen ? "on" : "off"), cursor \(cursorVisible ? "shown" : "hidden"), "
        + "mouse reports \(mouseReporting ? "on" : "off")"
    }
  }

  /// The pane's screen mode, cursor visibility and mouse reporting now.
  func terminalState() throws -> TerminalState {
    let flags = try run(["display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
      .stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
    guard flags.count == 3 else { throw Failure(message: "tmux did not report the pane's flags") }
    return TerminalState(alternateScreen: flags[0], cursorVisible: flags[1], mouseReporting: flags[2])
  }

  /// The process id of the program in the pane (the wrapper shell's child).
  func programProcessID() throws -> Int32 {
    let shell = try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try CommandRunner.run("/usr/bin/env", ["pgrep", "-P", shell]).stdout
    guard let pid = children.split(separator: "\n").first.flatMap({ Int32($0) }) else {
      throw Failure(message: "no program is running under the pane's shell \(shell)")
    }
    return pid
  }

  /// Ends the session and its server; safe to repeat.
  func kill() {
    guard isAlive else { return }
    isAlive = false
    _ = try? run(["kill-session", "-t", name])
    try? FileManager.default.removeItem(at: statusFile)
  }

  /// True while tmux still has this session.
  var exists: Bool {
    (try? CommandRunner.run(Self.tmux(), ["-L", socket, "has-session", "-t", name]).status == 0) ?? false
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    let outcome = try CommandRunner.run(try Self.tmux(), ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
    guard outcome.status == 0 else {
      throw Failure(message: "tmux \(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.stderr)")
    }
    return outcome
  }
}

extension TmuxSession {
  /// The caption optiscope opens with, waited for and closed with esc, for
  /// tests about what comes after it.
  func closeCaption() throws {
    try waitForScreen(containing: Self.captionFooter)
    try press("Escape")
    try waitForScreen("the caption to close") { !$0.contains(Self.captionFooter) }
  }

  /// The caption's last line, which says how to bring it back.
  static let captionFooter = "w shows this again"
}
