import Foundation
import Testing

/// python3, which runs the fake function, when the machine has it.
let pythonForFunctions = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
  ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }
  .first { FileManager.default.isExecutableFile(atPath: $0) }

/// `--landscape-command`: a function in a child process (docs/PROTOCOL.md,
/// "A function") driven by `run`, `eval` and a scene's `command:`.
@Suite(.enabled(if: pythonForFunctions != nil, "the fake function is a stdlib Python script"))
struct LandscapeCommandTests {
  /// f = (x − 1)² + (y + 2)² on [-3, 3]ⁿ, f* = 0; with an argument k it
  /// exits with status 3 at its k-th request, saying so on stderr.
  static let script = #"""
    import json, sys
    dies_at = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    requests = 0
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            n = message["dimension"] or 2
            print(json.dumps({"type": "hello", "name": "bowl", "dimension": n, "bounds": [[-3, 3]] * n,
                              "minimum": {"value": 0, "at": [[1, -2] + [0] * (n - 2)]}}), flush=True)
        elif message["type"] == "evaluate":
            requests += 1
            if requests == dies_at:
                print("bowl broke", file=sys.stderr, flush=True)
                sys.exit(3)
            values = [(p[0] - 1) ** 2 + (p[1] + 2) ** 2 + sum(x * x for x in p[2:]) for p in message["points"]]
            print(json.dumps({"type": "values", "values": values}), flush=True)
    """#

  let files: SceneFiles
  let command: String

  init() throws {
    files = try SceneFiles()
    command = "\(pythonForFunctions ?? "python3") \(try files.write("bowl.py", Self.script))"
  }

  @Test func runFindsTheMinimumTheProcessDeclared() throws {
    defer { files.remove() }
    let object = try #require(
      try OptiscopeProcess.json(["run", "--landscape-command", command, "-o", "nelder-mead", "--steps", "150", "--format", "json"])
        as? [String: Any])
    #expect(object["landscape"] as? String == "bowl")
    let best = try #require(object["best"] as? [String: Any])
    let point = try #require(best["point"] as? [Double])
    #expect(abs(point[0] - 1) < 1e-3 && abs(point[1] + 2) < 1e-3)
    let gap = try #require(object["gap"] as? Double)
    #expect(gap >= 0 && gap < 1e-6)
  }

  @Test func dimIsAskedForInTheHandshake() throws {
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["eval", "--landscape-command", command, "--dim", "3", "--at", "1,-2,2"])
    #expect(outcome.status == 0 && outcome.stdout == "4\n")
  }

  @Test func aFunctionThatDiesEndsTheRunWithItsMessage() throws {
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["run", "--landscape-command", command + " 4", "-o", "nelder-mead", "--steps", "50"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("failed at step"))
    #expect(outcome.stderr.contains("the process exited with status 3 during request 4"))
    #expect(outcome.stderr.contains("stderr: bowl broke"))
  }

  @Test func aCommandThatDoesNotStartSaysWhy() throws {
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["run", "--landscape-command", "exit 5", "-o", "adam", "--steps", "5"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("the function 'exit 5' did not start: the process exited with status 5 during the handshake"))
  }

  @Test func onlyOneFunctionMayBeGiven() throws {
    defer { files.remove() }
    let outcome = try OptiscopeProcess.run(["run", "--landscape-command", command, "-l", "sphere", "-o", "adam"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("give one of --landscape, --expression and --landscape-command, not --landscape and --landscape-command"))
  }

  @Test func aSceneNamesItsFunctionByItsCommand() throws {
    defer { files.remove() }
    let scene = try files.write(
      "bowl.yaml",
      """
      version: 1
      title: "A bowl from a process"
      landscape:
        command: '\(command)'
        dimension: 3
      seed: 4
      budget: {steps: 40}
      steps: 40
      runs:
        - optimizer: nelder-mead
      """)
    let object = try #require(try OptiscopeProcess.json(["run", scene, "--format", "json"]) as? [String: Any])
    let runs = try #require(object["runs"] as? [[String: Any]])
    let best = try #require(runs.first?["best"] as? [String: Any])
    #expect((best["point"] as? [Double])?.count == 3)
    let recorded = try OptiscopeProcess.run(["replay", scene, "--headless", "--record"])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let text = try files.read(scene)
    #expect(text.contains("command: '\(command)'") && text.contains("dimension: 3"))
    #expect(try OptiscopeProcess.run(["replay", scene, "--headless", "--verify"]).status == 0)
  }
}
