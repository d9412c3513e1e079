import Dispatch
import Foundation
import Testing

/// A sweep split into shards run as separate processes at once, as a job
/// array runs them, and merged with `bench merge`, prints exactly the
/// report of one process (docs/CLUSTER.md).
@Suite struct ShardedSweepTests {
  let plan = [
    "bench", "run", "--optimizers", "pso,random-search", "--landscapes", "sphere,booth", "--seeds", "2", "--evals", "80",
    "--sweep", "pso:omega=0.2..1:3", "--sweep", "particles=4..8:2",
  ]

  @Test func fourShardsRunAtOnceMergeIntoTheSingleProcessReport() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-shards-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let shards = ShardOutcomes(count: 4)
    DispatchQueue.concurrentPerform(iterations: 4) { index in
      shards.store(Result { try OptiscopeProcess.run(plan + ["--shard", "\(index + 1)/4", "--format", "json"]) }, at: index)
    }
    var files: [String] = []
    for (index, outcome) in try shards.outcomes().enumerated() {
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(outcome.stdout.hasPrefix("[\n{"), "a shard's JSON is its runs, one per line")
      let file = directory.appendingPathComponent("shard-\(index + 1).json").path
      try outcome.stdout.write(toFile: file, atomically: true, encoding: .utf8)
      files.append(file)
    }
    for format in ["json", "csv", "markdown"] {
      let single = try OptiscopeProcess.run(plan + ["--format", format])
      let merged = try OptiscopeProcess.run(["bench", "merge"] + files.reversed() + ["--format", format])
      #expect(single.status == 0 && merged.status == 0, "\(merged.stderr)")
      if format == "csv" {
        // A run's seconds are the one thing a rerun changes.
        #expect(withoutSeconds(merged.stdout) == withoutSeconds(single.stdout))
      } else {
        #expect(merged.stdout == single.stdout, "\(format)")
      }
    }
    let json = try #require(try JSONSerialization.jsonObject(with: Data(try OptiscopeProcess.run(plan + ["--format", "json"]).stdout.utf8)) as? [[String: Any]])
    #expect(json.count == 2 * (3 * 2 + 1), "2 landscapes × (pso at 3 × 2 values + random-search, which has no particles, once)")
  }

  @Test func theSameRunTwiceInMergedFilesIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-shard-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    try OptiscopeProcess.run(plan + ["--shard", "1/4", "--format", "json"]).stdout.write(toFile: file, atomically: true, encoding: .utf8)
    let outcome = try OptiscopeProcess.run(["bench", "merge", file, file])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("appears in more than one file"))
  }

  @Test func aSweepsShardsAndAnotherBenchsDoNotMerge() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-mixed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sweep = directory.appendingPathComponent("sweep.json").path, plain = directory.appendingPathComponent("plain.csv").path
    let report = directory.appendingPathComponent("report.json").path
    try OptiscopeProcess.run(plan + ["--shard", "1/2", "--format", "json"]).stdout.write(toFile: sweep, atomically: true, encoding: .utf8)
    try OptiscopeProcess.run(Array(plan.prefix(10)) + ["--shard", "2/2", "--format", "csv"]).stdout
      .write(toFile: plain, atomically: true, encoding: .utf8)
    try OptiscopeProcess.run(plan + ["--format", "json"]).stdout.write(toFile: report, atomically: true, encoding: .utf8)
    let mixed = try OptiscopeProcess.run(["bench", "merge", sweep, plain])
    #expect(mixed.status == 2)
    #expect(mixed.stderr.contains("\(plain): its runs are not of a sweep and those before it are"))
    let notAShard = try OptiscopeProcess.run(["bench", "merge", report])
    #expect(notAShard.status == 2)
    #expect(notAShard.stderr.contains("\(report):2: this is a report (bench run --format json), not a shard's runs"))
  }

  private func withoutSeconds(_ csv: String) -> [String] {
    csv.split(separator: "\n").map { line in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false)
      if fields.count > 10 { fields[10] = "t" }
      return fields.joined(separator: ",")
    }
  }
}

/// Where the shards' processes, run on worker threads, leave their outcomes.
private final class ShardOutcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<OptiscopeProcess.Outcome, any Error>?]

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func store(_ result: Result<OptiscopeProcess.Outcome, any Error>, at index: Int) {
    lock.withLock { results[index] = result }
  }

  func outcomes() throws -> [OptiscopeProcess.Outcome] {
    try lock.withLock { try results.map { try $0!.get() } }
  }
}
