import External
import Foundation
import Landscapes
import OptimizerCore
import Rendering
import ViewModel

/// The external function's costs (docs/PROTOCOL.md, "A function"), with a
/// stdlib Python function written into a temporary folder: the protocol's
/// overhead per request (one point each way), evaluations per second in
/// batches of 1000 points, and the time to sample a heat map of 200×120
/// pixels (96 000 sub-pixel points in batches of at most 4096).
enum ExternalBenchmark {
  struct Result {
    var name: String
    var summary: String
    /// Evaluations per repetition.
    var evaluations: Int
    var medianMilliseconds: Double
    var evaluationsPerSecond: Double { Double(evaluations) / (medianMilliseconds / 1000) }
  }

  /// Rosenbrock, answered in batches; a point at a time costs the same lines.
  static let script = #"""
    import json, sys
    for line in sys.stdin:
        message = json.loads(line)
        if message["type"] == "hello":
            print(json.dumps({"type": "hello", "name": "rosenbrock.py", "dimension": 2,
                              "bounds": [[-2, 2], [-1, 3]], "minimum": {"value": 0, "at": [[1, 1]]}}), flush=True)
        elif message["type"] == "evaluate":
            values = [(1 - x) ** 2 + 100 * (y - x * x) ** 2 for x, y in message["points"]]
            sys.stdout.write(json.dumps({"type": "values", "values": values}) + "\n")
            sys.stdout.flush()
        elif message["type"] == "end":
            break
    """#

  /// The three cases, or nil (with the reason printed) when the function
  /// does not start, as where python3 is absent.
  static func run(progress: (String) -> Void) -> [Result]? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let function: ExternalFunction
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let path = folder.appendingPathComponent("rosenbrock.py").path
      try script.write(toFile: path, atomically: true, encoding: .utf8)
      function = try ExternalFunction(command: "python3 '\(path)'")
    } catch {
      printNote("skipping the external cases: the stdlib Python function did not start (\(error))")
      return nil
    }
    defer { function.end() }
    progress("external/round-trip")
    let single: [Vector] = [[0.5, 0.5]]
    let roundTrip = median(repetitions: 2000) { _ = function.values(at: single) }
    progress("external/batch-1000")
    var rng = SeededGenerator(seed: 1)
    let batch = (0..<1000).map { _ in function.domain.randomPoint(using: &rng) }
    let batched = median(repetitions: 50) { _ = function.values(at: batch) }
    progress("external/heat-map-200x120")
    var repetition = 0
    let mapped = median(repetitions: 5) {
      var map = HeatMap()
      repetition += 1
      map.update(
        objective: function, identity: "bench \(repetition)", viewport: Viewport.fitting(function.domain, columns: 200, rows: 60),
        columns: 200, rows: 60, scale: .log)
    }
    if let failure = function.failure {
      printNote("the external cases' function failed: \(failure)")
      return nil
    }
    return [
      Result(
        name: "external/round-trip", summary: "one point per evaluate request and its answer: the protocol's overhead",
        evaluations: 1, medianMilliseconds: roundTrip),
      Result(
        name: "external/batch-1000", summary: "1000 points in one evaluate request",
        evaluations: 1000, medianMilliseconds: batched),
      Result(
        name: "external/heat-map-200x120", summary: "the heat map sampled from scratch: 96 000 points in batches of ≤ 4096",
        evaluations: 200 * 120 * HeatMap.supersampling * HeatMap.supersampling, medianMilliseconds: mapped),
    ]
  }

  /// The median wall time of `work` in milliseconds, after one warm-up run.
  private static func median(repetitions: Int, _ work: () -> Void) -> Double {
    work()
    let clock = ContinuousClock()
    let times = (0..<repetitions).map { _ in
      let elapsed = clock.measure(work)
      return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15
    }
    return times.sorted()[times.count / 2]
  }
}
