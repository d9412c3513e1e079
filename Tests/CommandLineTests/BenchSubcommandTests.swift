import Foundation
import Testing

/// `bench run` is the default, `bench perf` has its own options, and the
/// old `bench --perf` says it is an alias.
@Suite struct BenchSubcommandTests {
  let base = ["--optimizers", "pso,random-search", "--landscapes", "sphere", "--seeds", "2", "--evals", "100"]

  @Test func benchWithoutASubcommandIsBenchRun() throws {
    let implicit = try OptiscopeProcess.run(["bench"] + base + ["--format", "csv"])
    let explicit = try OptiscopeProcess.run(["bench", "run"] + base + ["--format", "csv"])
    #expect(implicit.status == 0)
    func withoutTimes(_ csv: String) -> [String] {
      csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(10).joined(separator: ",") }
    }
    #expect(withoutTimes(implicit.stdout) == withoutTimes(explicit.stdout))
    #expect(implicit.stdout.split(separator: "\n").count == 5, "a header and 2 optimizers × 2 seeds")
  }

  @Test func helpListsTheSubcommandsAndTheAlias() throws {
    let help = try OptiscopeProcess.run(["bench", "--help"])
    for subcommand in ["run (default)", "merge", "perf"] { #expect(help.stdout.contains(subcommand)) }
    #expect(help.stdout.contains("'optiscope bench --perf' still works as 'optiscope bench perf'"))
    let run = try OptiscopeProcess.run(["bench", "run", "--help"])
    #expect(run.stdout.contains("--perf") && run.stdout.contains("'optiscope bench perf'"))
  }

  @Test func perfTakesOnlyItsFormats() throws {
    let outcome = try OptiscopeProcess.run(["bench", "perf", "--format", "csv"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--format csv is not offered here"))
  }

  @Test func casesBelongToPerf() throws {
    let outcome = try OptiscopeProcess.run(["bench", "run", "--cases", "pso"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("'optiscope bench perf'"))
  }

  @Test(arguments: ["particles", "=3", "pso:particles", ":particles=3"])
  func aMalformedSetIsAnOptionError(setting: String) throws {
    let outcome = try OptiscopeProcess.run(["bench"] + base + ["--set", setting])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("'\(setting)' is invalid for '--set <[name:]key=value>'"))
  }

  @Test func aSettingForOneOptimizerIsCheckedAgainstIt() throws {
    let outcome = try OptiscopeProcess.run(["bench"] + base + ["--set", "pso:partcles=10"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("pso has no hyperparameter 'partcles'; did you mean 'particles'?"))
  }

  @Test func theDefaultListLeavesOutOnlyTheFrameForParts() throws {
    let outcome = try OptiscopeProcess.run(["bench", "--landscapes", "sphere", "--seeds", "1", "--evals", "10", "--format", "csv"])
    #expect(outcome.status == 0)
    let optimizers = Set(outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
    #expect(optimizers.count == 33)
    #expect(!optimizers.contains("descent") && optimizers.contains("gd"))
  }
}
