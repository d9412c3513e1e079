import Foundation
import Testing

/// No process of an external optimizer outlives optiscope, however it
/// ends: quit, Ctrl-C, SIGTERM, or SIGKILL (which only the guard of the
/// process group can answer).
@Suite(.serialized) struct ExternalProcessHygieneTests {
  /// An optimizer that starts a child of its own, writes both pids into
  /// `pids`, then speaks the protocol.
  static func script(name: String, pids: String) throws -> String {
    let text = """
      import json, os, subprocess, sys
      helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
      with open("\(pids)", "w") as f:
          f.write("%d %d" % (os.getpid(), helper.pid))
      hello = json.loads(sys.stdin.readline())
      sys.stdout.write(json.dumps({"type": "hello", "name": "hygiene", "hyperparameters": []}) + "\\n")
      sys.stdout.flush()
      best = hello["start"][0]
      for line in sys.stdin:
          message = json.loads(line)
          if message["type"] == "end":
              break
          if message["type"] == "step":
              sys.stdout.write(json.dumps({"type": "done", "particles": [best]}) + "\\n")
              sys.stdout.flush()
      """
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).py").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Those of `pids` still running: present and no zombie (a container's
  /// init may leave orphans unreaped).
  static func running(_ pids: [Int32]) -> [Int32] {
    pids.filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
  }

  enum Ending: String, CaseIterable, Sendable { case quit, interrupt, terminate, kill }

  @Test(arguments: Ending.allCases)
  func noProcessOfTheOptimizerSurvives(_ ending: Ending) throws {
    let name = "optiscope-hygiene-\(ending.rawValue)-\(getpid())"
    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).pids").path
    try? FileManager.default.removeItem(atPath: pidFile)
    let command = "python3 \(try Self.script(name: name, pids: pidFile))"
    let session = try TmuxSession(
      [OptiscopeBinary.path, "play", "--paused", "-l", "rosenbrock", "-o", "external", "--command", command],
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.waitForScreen(containing: "hygiene (external)")
    let pids = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: " ").compactMap { Int32($0) }
    // The optimizer and its helper are both running.
    #expect(Self.running(pids).count == 2)
    switch ending {
    case .quit:
      try session.closeCaption()
      try session.type("q")
    case .interrupt:
      try session.press("C-c")
    case .terminate:
      Foundation.kill(try session.programProcessID(), SIGTERM)
    case .kill:
      Foundation.kill(try session.programProcessID(), SIGKILL)
    }
    let deadline = ContinuousClock.now + .seconds(5)
    while !Self.running(pids).isEmpty && ContinuousClock.now < deadline { usleep(50_000) }
    #expect(Self.running(pids).isEmpty, "still running: \(Self.running(pids))")
  }
}

/// The optimizer picker's `external…` asks for a command, and the run it
/// adds shows the name its process gave.
@Suite struct ExternalPickerTests {
  @Test func externalInThePickerAsksForTheCommandAndAddsTheRun() throws {
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("clients/python/examples/random_search.py").path
    let session = try TmuxSession(
      [OptiscopeBinary.path, "play", "--paused", "-l", "rosenbrock", "-o", "adam"],
      environment: ["OPTISCOPE_RECOVERY": OptiscopeBinary.freshRecoveryPath()])
    defer { session.kill() }
    try session.closeCaption()
    try session.type("a")
    // The last of the list: typing filters down to it.
    try session.type("externa")
    try session.waitForScreen(containing: "external…")
    try session.press("Enter")
    try session.waitForScreen(containing: "the command that runs your optimizer")
    try session.type("python3 \(example)")
    try session.press("Enter")
    let screen = try session.waitForScreen(containing: "random-search (external)")
    #expect(screen.contains("2 random-search"))
    #expect(screen.contains("sigma"))
  }
}
