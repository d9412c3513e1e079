import Foundation
import Testing

/// The harness itself, against plain shell programs: if these fail, the
/// tests of the real program cannot be trusted.
@Suite struct TmuxSessionTests {
  @Test func aProgramIsDrivenByKeysAndItsExitStatusIsRead() throws {
    let session = try TmuxSession(["/bin/sh", "-c", "printf 'hello\\n'; read line; printf 'got %s\\n' \"$line\"; exit 3"])
    defer { session.kill() }
    try session.waitForScreen(containing: "hello")
    try session.type("a b")
    try session.press("Enter")
    try session.waitForScreen(containing: "got a b")
    #expect(try session.waitForExit() == 3)
  }

  @Test func theScreenIsReadWithItsColours() throws {
    let session = try TmuxSession(["/bin/sh", "-c", "printf '\\033[38;5;196mred\\033[0m plain\\n'; read line"])
    defer { session.kill() }
    let coloured = try session.waitForScreen("the red word", colours: true) { $0.contains("red") }
    #expect(coloured.contains("\u{1B}[38;5;196mred"))
    #expect(try session.screen().hasPrefix("red plain"))
  }

  @Test func theProgramSeesTheSizeItStartsWithAndEveryResize() throws {
    let session = try TmuxSession(["/bin/sh", "-c", "stty size; while read line; do stty size; done"], width: 100, height: 30)
    defer { session.kill() }
    try session.waitForScreen(containing: "30 100")
    try session.resize(width: 80, height: 24)
    try session.press("Enter")
    try session.waitForScreen(containing: "24 80")
  }

  @Test func theTerminalStateAfterTheProgramShowsWhetherItWasRestored() throws {
    let careless = try TmuxSession(["/bin/sh", "-c", "printf '\\033[?1049h\\033[?25l\\033[?1000h'; read line"])
    defer { careless.kill() }
    let tidy = try TmuxSession(["/bin/sh", "-c", "printf '\\033[?1049h\\033[?25l'; read line; printf '\\033[?25h\\033[?1049l'"])
    defer { tidy.kill() }
    for session in [careless, tidy] {
      try session.waitForScreen("the alternate screen") { _ in (try? session.terminalState().alternateScreen) == true }
      try session.press("Enter")
      #expect(try session.waitForExit() == 0)
    }
    #expect(try careless.terminalState() == .init(alternateScreen: true, cursorVisible: false, mouseReporting: true))
    #expect(try tidy.terminalState() == .restored)
  }

  @Test func waitingForTextThatNeverComesFailsWithTheLastScreen() throws {
    let session = try TmuxSession(["/bin/sh", "-c", "printf 'only this\\n'; read line"])
    defer { session.kill() }
    try session.waitForScreen(containing: "only this")
    let failure = #expect(throws: TmuxSession.Failure.self) {
      try session.waitForScreen(containing: "something else", timeout: .milliseconds(200))
    }
    #expect(failure?.message.contains("only this") == true)
  }

  @Test func aKilledSessionIsGone() throws {
    let session = try TmuxSession(["/bin/sh", "-c", "read line"])
    #expect(session.exists)
    session.kill()
    #expect(!session.exists)
  }
}
