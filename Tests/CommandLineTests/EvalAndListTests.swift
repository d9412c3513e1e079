import Foundation
import Testing

/// `optiscope eval` and `optiscope list`.
@Suite struct EvalAndListTests {
  @Test func evalPrintsFullPrecision() throws {
    let outcome = try OptiscopeProcess.run(["eval", "--landscape", "rosenbrock", "--at", "0.5,0.25"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "0.25\n")
    let third = try OptiscopeProcess.run(["eval", "--expression", "x/3", "--at", "1,0"])
    #expect(third.stdout == "0.33333333333333331\n")
  }

  @Test func evalAgreesForAnExpressionAndItsBuiltIn() throws {
    let builtIn = try OptiscopeProcess.run(["eval", "-l", "himmelblau", "--at", "0.3,-1.7"])
    let typed = try OptiscopeProcess.run(["eval", "-e", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "--at", "0.3,-1.7"])
    #expect(Double(builtIn.stdout.trimmingCharacters(in: .newlines))! == Double(typed.stdout.trimmingCharacters(in: .newlines))!)
  }

  @Test func listLandscapesHasAll22() throws {
    let entries = try #require(try OptiscopeProcess.json(["list", "landscapes", "--format", "json"]) as? [[String: Any]])
    #expect(entries.count == 22)
    #expect(entries.contains { $0["name"] as? String == "goldstein-price" && $0["f_star"] as? Double == 3 })
  }

  @Test func listOptimizersShowsParametersWithRanges() throws {
    let entries = try #require(try OptiscopeProcess.json(["list", "optimizers", "--format", "json"]) as? [[String: Any]])
    let pso = try #require(entries.first { $0["name"] as? String == "pso" })
    let parameters = try #require(pso["hyperparameters"] as? [[String: Any]])
    #expect(parameters.contains { $0["name"] as? String == "particles" && $0["min"] != nil && $0["max"] != nil })
    let table = try OptiscopeProcess.run(["list", "optimizers"])
    #expect(table.stdout.contains("simulated-annealing"))
  }

  @Test func everyCommandExplainsItselfWithAnExample() throws {
    for command in ["run", "eval", "list", "bench", "bench run", "bench merge", "bench perf"] {
      let help = try OptiscopeProcess.run(command.split(separator: " ").map(String.init) + ["--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("optiscope \(command)"), "\(command) --help has no example")
    }
  }

  /// `bench --perf` is kept as an alias of `bench perf` for one release.
  @Test(arguments: [["bench", "perf"], ["bench", "--perf"]])
  func perfPrintsJSONWithAPSOCase(command: [String]) throws {
    let entries = try #require(
      try OptiscopeProcess.json(command + ["--cases", "pso-50", "--evals", "20000", "--format", "json"])
        as? [[String: Any]])
    #expect(entries.count == 2, "--cases pso-50 picks the core and the engine case")
    #expect(entries.allSatisfy { ($0["case"] as? String)?.contains("pso-50") == true })
    #expect(entries.allSatisfy { ($0["evals_per_second"] as? Double ?? 0) > 0 })
  }
}

/// `optiscope bench`: formats, shards and merge.
@Suite struct BenchCommandTests {
  let base = ["bench", "--optimizers", "pso,random-search", "--landscapes", "sphere,booth", "--seeds", "3", "--evals", "200"]

  @Test func jsonHasTheFiguresPerOptimizerAndLandscape() throws {
    let entries = try #require(try OptiscopeProcess.json(base + ["--format", "json"]) as? [[String: Any]])
    #expect(entries.count == 4)
    for entry in entries {
      for key in ["optimizer", "landscape", "success_rate", "median_gap", "median_evals_to_success", "evals_per_second"] {
        #expect(entry.keys.contains(key), "missing \(key)")
      }
    }
  }

  @Test func mergedShardsEqualOneWholeRun() throws {
    let whole = try OptiscopeProcess.run(base + ["--format", "csv"])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var files: [String] = []
    for k in 1...3 {
      let part = try OptiscopeProcess.run(base + ["--shard", "\(k)/3", "--format", "csv"])
      #expect(part.status == 0)
      let file = directory.appendingPathComponent("part\(k).csv").path
      try part.stdout.write(toFile: file, atomically: true, encoding: .utf8)
      files.append(file)
    }
    let merged = try OptiscopeProcess.run(["bench", "merge"] + files + ["--format", "csv"])
    #expect(merged.status == 0)
    func withoutTimes(_ csv: String) -> [String] {
      csv.split(separator: "\n").map { line in
        var fields = line.split(separator: ",", omittingEmptySubsequences: false)
        if fields.count > 10 { fields[10] = "t" }
        return fields.joined(separator: ",")
      }
    }
    #expect(withoutTimes(merged.stdout) == withoutTimes(whole.stdout))
    let plot = directory.appendingPathComponent("curves.svg").path
    let table = try OptiscopeProcess.run(["bench", "merge"] + files + ["--plot", plot])
    #expect(table.stdout.contains("sphere"))
    #expect(FileManager.default.contents(atPath: plot).map { String(decoding: $0, as: UTF8.self).hasPrefix("<svg") } == true)
  }

  /// Argument-parser refuses it like any malformed option, naming the value
  /// and the option's K/N form.
  @Test(arguments: ["4/3", "3/2", "0/2", "2", "a/b"])
  func aBadShardIsAClearError(shard: String) throws {
    let outcome = try OptiscopeProcess.run(base + ["--shard", shard])
    #expect(outcome.status != 0)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("'\(shard)' is invalid for '--shard <K/N>'"))
  }
}
