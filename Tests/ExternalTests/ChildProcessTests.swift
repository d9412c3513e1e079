import Foundation
import Testing

@testable import External

/// The child process layer: lines both ways, stderr kept, exits and
/// timeouts told apart, and no process of its group left behind.
@Suite struct ChildProcessTests {
  @Test func linesGoBothWaysAndStderrIsKept() throws {
    let child = try ChildProcess(command: "echo started >&2; read line; echo \"got $line\"")
    try child.send("hello")
    #expect(try child.readLine(timeout: 5) == "got hello")
    #expect(child.errorTail == ["started"])
    child.end()
  }

  @Test func anExitIsReportedWithItsStatus() throws {
    let child = try ChildProcess(command: "exit 3")
    #expect(throws: ChildProcessFailure.exited(status: 3)) { try child.readLine(timeout: 5) }
  }

  @Test func silenceBeyondTheTimeoutIsATimeout() throws {
    let child = try ChildProcess(command: "sleep 5")
    #expect(throws: ChildProcessFailure.timedOut(seconds: 0.2)) { try child.readLine(timeout: 0.2) }
  }

  @Test func endingLeavesNoProcessOfTheGroup() throws {
    // The command starts a grandchild that would outlive a plain kill.
    let child = try ChildProcess(command: "sleep 300 & echo $!; wait")
    let grandchild = try #require(Int32(child.readLine(timeout: 5)))
    child.end()
    #expect(kill(grandchild, 0) != 0)
  }
}
