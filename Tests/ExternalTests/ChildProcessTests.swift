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
    #expect(!isRunning(grandchild))
  }

  /// True while `pid` runs: it exists and is no zombie (a container's init
  /// may leave orphans unreaped).
  func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }
}
