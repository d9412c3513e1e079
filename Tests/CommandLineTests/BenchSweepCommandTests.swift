import Foundation
import Testing

/// `bench run --sweep`: what it reports in each format, and what it refuses.
@Suite struct BenchSweepCommandTests {
  let base = ["bench", "run", "--optimizers", "pso,cma-es", "--landscapes", "sphere,booth", "--seeds", "2", "--evals", "100"]

  @Test func theTableHasARowPerOptimizerLandscapeAndValue() throws {
    let outcome = try OptiscopeProcess.run(base + ["--sweep", "pso:omega=0.2..1:3"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasSuffix("× 100 evaluations per value") }.count == 2)
    #expect(lines.contains { $0.hasPrefix("optimizer  omega  success  median gap  median evals to success") })
    for value in ["0.2", "0.6", "1"] {
      #expect(lines.filter { $0.hasPrefix("pso ") && $0.split(separator: " ")[1] == value }.count == 2, "pso at omega=\(value)")
    }
    #expect(lines.filter { $0.hasPrefix("cma-es ") && $0.split(separator: " ")[1] == "-" }.count == 2)
    #expect(!outcome.stdout.contains("evals/s"))
  }

  @Test func jsonHasTheValuesAndNoSpeed() throws {
    let entries = try #require(
      try OptiscopeProcess.json(base + ["--sweep", "pso:omega=0.2..1:3", "--sweep", "particles=4..16:2:log", "--format", "json"])
        as? [[String: Any]])
    #expect(entries.count == 2 * (3 * 2 + 1))
    let first = try #require(entries.first)
    #expect(first["optimizer"] as? String == "pso" && first["landscape"] as? String == "sphere")
    #expect(first["sweep"] as? [String: Double] == ["omega": 0.2, "particles": 4])
    #expect(entries[1]["sweep"] as? [String: Double] == ["omega": 0.2, "particles": 16])
    #expect(entries[6]["optimizer"] as? String == "cma-es" && entries[6]["sweep"] as? [String: Double] == [:])
    #expect(entries.allSatisfy { $0["evals_per_second"] == nil && $0["success_rate"] is Double && $0["runs"] as? Int == 2 })
  }

  @Test func csvHasTheValuesOfEachRun() throws {
    let outcome = try OptiscopeProcess.run(base + ["--sweep", "pso:particles=2..6:3:log", "--format", "csv"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first?.hasSuffix(",curve,sweep") == true)
    #expect(lines.count == 1 + 2 * (3 + 1) * 2)
    let sweeps = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last! }
    #expect(Array(sweeps.prefix(8)) == ["particles=2:log", "particles=2:log", "particles=3:log", "particles=3:log", "particles=6:log", "particles=6:log", "", ""])
  }

  @Test func theSameSweepPrintsTheSameBytes() throws {
    let arguments = base + ["--sweep", "omega=0.3..0.9:2", "--format", "json"]
    let first = try OptiscopeProcess.run(arguments), second = try OptiscopeProcess.run(arguments)
    #expect(first.status == 0 && first.stdout == second.stdout)
  }

  @Test func thePlotDrawsTheSensitivityCurves() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-sweep-\(UUID().uuidString).svg").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = try OptiscopeProcess.run(base + ["--sweep", "pso:omega=0.01..1:3:log", "--plot", path])
    #expect(outcome.status == 0)
    let svg = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    #expect(svg.hasPrefix("<svg") && svg.contains("Success rate against the swept value"))
    #expect(svg.contains(">omega (log)</text>") && svg.contains(">cma-es (not swept)</text>"))
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
  }

  @Test(arguments: [
    (["--sweep", "pso:omgea=0.1..1"], "--sweep pso:omgea=0.1..1: pso has no hyperparameter 'omgea'; did you mean 'omega'?"),
    (["--sweep", "omgea=0.1..1"], "--sweep omgea=0.1..1: no optimizer benchmarked has a hyperparameter 'omgea'; did you mean 'omega'?"),
    (["--sweep", "ps:omega=0.1..1"], "--sweep ps:omega=0.1..1 names an optimizer that is not benchmarked; did you mean 'pso'?"),
    (["--sweep", "omega=1..0.5"], "--sweep omega=1..0.5: LOW (1) must be below HIGH (0.5)"),
    (["--sweep", "omega=0.1..1:1"], "--sweep omega=0.1..1:1: N must be at least 2, got 1"),
    (["--sweep", "omega=0..1:3:log"], "--sweep omega=0..1:3:log: a log sweep needs LOW > 0, got 0"),
    (["--sweep", "omega=0.5..3"], "--sweep omega=0.5..3: 3 is outside the range of pso's omega, [0, 1.5]"),
    (["--sweep", "pso:topology=0..1"], "--sweep pso:topology=0..1: pso's topology is one of {global, ring}, not a number to sweep"),
    (["--sweep", "particles=5..5.4"], "--sweep particles=5..5.4: pso's particles is a whole number, and 5..5.4 rounds to 5 alone"),
    (["--sweep", "omega=0.1..1", "--set", "omega=0.5"], "--sweep omega=0.1..1 and --set omega both give pso's omega; keep one"),
    (["--sweep", "omega=0.1..1", "--sweep", "pso:omega=0.2..0.4"], "--sweep sweeps pso's omega twice; keep one"),
  ])
  func aBadSweepIsAUsageErrorThatSaysWhatIsWrong(arguments: [String], message: String) throws {
    let outcome = try OptiscopeProcess.run(base + arguments)
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
  }

  @Test(arguments: ["omega", "omega=0.1", "omega=a..b", "=0..1", ":omega=0..1", "omega=0..1:x", "omega=0..1:3:log:4"])
  func aMalformedSweepIsAnOptionError(sweep: String) throws {
    let outcome = try OptiscopeProcess.run(base + ["--sweep", sweep])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("'\(sweep)' is invalid for '--sweep <[name:]key=low..high[:n][:log]>'"))
  }

  @Test func helpShowsTheSweepWithAnExample() throws {
    let help = try OptiscopeProcess.run(["bench", "run", "--help"])
    #expect(help.stdout.contains("--sweep <[name:]key=low..high[:n][:log]>"))
    #expect(help.stdout.contains("--sweep KEY=LOW..HIGH[:N][:log]"))
    #expect(help.stdout.contains("--sweep pso:omega=0.2..1:9 --plot omega.svg"))
    #expect(help.stdout.contains("docs/CLUSTER.md"))
  }
}
