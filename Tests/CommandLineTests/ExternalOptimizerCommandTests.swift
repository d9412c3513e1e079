import Foundation
import Testing

/// `--optimizer external --command CMD` on the command line: a good
/// process gives a result, a broken one the documented message, and a
/// command without its optimizer (or the reverse) is refused up front.
@Suite struct ExternalOptimizerCommandTests {
  /// A stdlib Python random search; `exitAt` makes it exit 3 at that step.
  static func script(exitAt: Int? = nil) throws -> String {
    let text = """
      import json, random, sys
      hello = json.loads(sys.stdin.readline())
      rng = random.Random(hello["seed"])
      best, best_f = hello["start"][0], None
      def send(m):
          sys.stdout.write(json.dumps(m) + "\\n"); sys.stdout.flush()
      send({"type": "hello", "name": "cli-search", "hyperparameters": [{"name": "sigma", "default": 0.1, "range": [0.001, 1]}]})
      for line in sys.stdin:
          m = json.loads(line)
          if m["type"] == "end": break
          if m["type"] != "step": continue
          if m["step"] == \(exitAt ?? -1):
              print("cannot go on", file=sys.stderr, flush=True); sys.exit(3)
          send({"type": "evaluate", "points": [[x + rng.gauss(0, 0.1) for x in best] for _ in range(3)]})
          answer = json.loads(sys.stdin.readline())
          for p, v in zip(answer["points"], answer["values"]):
              if best_f is None or v < best_f: best, best_f = p, v
          send({"type": "done", "particles": [best]})
      """
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("optiscope-cli-search-\(exitAt.map(String.init) ?? "good")-\(getpid()).py").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aGoodProcessGivesTheResultTable() throws {
    let outcome = try OptiscopeProcess.run([
      "run", "-l", "rosenbrock", "-o", "external", "--command", "python3 \(try Self.script())", "--steps", "40",
      "--set", "sigma=0.2",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("optimizer    cli-search (external)"))
    #expect(outcome.stdout.contains("evaluations  120"))
    #expect(outcome.stdout.contains("set sigma    0.2"))
  }

  @Test func aProcessThatExitsEndsTheRunWithItsStatusAndLastWords() throws {
    let outcome = try OptiscopeProcess.run([
      "run", "-l", "rosenbrock", "-o", "external", "--command", "python3 \(try Self.script(exitAt: 3))", "--steps", "10",
    ])
    // The status of a command whose work failed (CommandLineError).
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("stopped at step 3: the process exited with status 3 during step 3"))
    #expect(outcome.stderr.contains("stderr: cannot go on"))
  }

  @Test(arguments: [
    (["-o", "external"], "--optimizer external needs --command"),
    (["-o", "adam", "--command", "python3 x.py"], "--command runs an external optimizer; give it with --optimizer external"),
    (["-o", "external", "--command", "true", "--step-timeout", "0"], "--step-timeout must be a number of seconds above 0"),
  ])
  func aMismatchedCommandIsRefused(options: [String], message: String) throws {
    let outcome = try OptiscopeProcess.run(["run", "-l", "sphere", "--steps", "1"] + options)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains(message))
  }
}
