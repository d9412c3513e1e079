import Foundation
import Testing

/// `--kinds`: one axis kind per axis, for `run`, `play` and `bench`; a bad
/// name or a wrong count is refused with a message that names it.
@Suite struct KindsOptionTests {
  /// Booth with x boolean: binary PSO ends on the minimum (1, 3), x a bit.
  @Test func runPutsTheLandscapeOnTheGivenKinds() throws {
    let object = try #require(
      try OptiscopeProcess.json([
        "run", "-l", "booth", "-o", "pso", "--kinds", "boolean,continuous", "--steps", "150", "--format", "json",
      ]) as? [String: Any])
    let best = try #require(object["best"] as? [String: Any])
    let point = try #require(best["point"] as? [Double])
    #expect(point[0] == 1 && abs(point[1] - 3) < 1e-3, "ended at \(point)")
  }

  /// An integer axis: every point of the trajectory has a whole x.
  @Test func anIntegerAxisHoldsWholeNumbers() throws {
    let outcome = try OptiscopeProcess.run([
      "run", "-l", "booth", "-o", "adam", "--kinds", "integer, continuous", "--start", "-8,-8", "--steps", "60",
      "--format", "csv",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let rows = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    let xs = rows.compactMap { Double($0[2]) }
    #expect(xs.count == 60 && xs.allSatisfy { $0 == $0.rounded() }, "x: \(xs)")
    #expect(Set(xs).count > 3, "Adam stayed in \(Set(xs).sorted())")
  }

  /// A misspelt kind is named with its axis and the nearest kind, by every
  /// command that takes the option.
  @Test(arguments: [
    ["run", "-l", "booth", "-o", "pso"], ["play", "-l", "booth"], ["bench", "run", "--landscapes", "booth"],
  ])
  func aBadKindIsNamed(command: [String]) throws {
    let outcome = try OptiscopeProcess.run(command + ["--kinds", "continuous,bolean"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("'bolean' for axis 2 is not an axis kind"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("did you mean 'boolean'?"), "\(outcome.stderr)")
  }

  /// A list that does not give one kind per axis says how many it gave and
  /// how many the landscape needs.
  @Test(arguments: [
    ["run", "-l", "booth", "-o", "pso"], ["play", "-l", "booth"], ["bench", "run", "--landscapes", "booth"],
  ])
  func aWrongCountSaysHowManyAxes(command: [String]) throws {
    let outcome = try OptiscopeProcess.run(command + ["--kinds", "integer"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("--kinds 'integer' gives 1 kind; the landscape has 2 axes"), "\(outcome.stderr)")
  }

  /// An empty item is refused rather than read as a default.
  @Test func anEmptyKindIsRefused() throws {
    let outcome = try OptiscopeProcess.run(["run", "-l", "booth", "-o", "pso", "--kinds", "integer,"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("an empty kind for axis 2"), "\(outcome.stderr)")
  }

  /// The bench runs every landscape on the kinds: PSO on Booth with x
  /// boolean succeeds from every seed.
  @Test func benchTakesTheKinds() throws {
    let outcome = try OptiscopeProcess.run([
      "bench", "run", "--optimizers", "pso", "--landscapes", "booth", "--kinds", "boolean,continuous", "--seeds", "4",
      "--format", "csv",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let rows = outcome.stdout.split(separator: "\n")
    let header = try #require(rows.first).split(separator: ",")
    let column = try #require(header.firstIndex(of: "gap"))
    let gaps = rows.dropFirst().compactMap { Double($0.split(separator: ",")[column]) }
    #expect(gaps.count == 4 && gaps.allSatisfy { $0 <= 1e-4 }, "gaps \(gaps)")
  }

  /// eval prints f at the point as given, which kinds would not change: it
  /// refuses them rather than ignore them.
  @Test func evalRefusesKinds() throws {
    let outcome = try OptiscopeProcess.run(["eval", "-l", "booth", "--kinds", "integer,integer", "--at", "0.5,1"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("drop --kinds"), "\(outcome.stderr)")
  }

  /// eval's help offers only what eval takes: the function, not its kinds
  /// or the noise optimizers see.
  @Test func evalsHelpDoesNotOfferTheKinds() throws {
    let eval = try OptiscopeProcess.run(["eval", "--help"])
    #expect(eval.status == 0)
    #expect(eval.stdout.contains("--landscape") && eval.stdout.contains("--dim"), "\(eval.stdout)")
    #expect(!eval.stdout.contains("--kinds") && !eval.stdout.contains("--noise"), "\(eval.stdout)")
    let run = try OptiscopeProcess.run(["run", "--help"])
    #expect(run.stdout.contains("--kinds <kind,…>") && run.stdout.contains("--noise <noise>"), "\(run.stdout)")
  }

  /// eval printed f without the noise it was given; now it says so.
  @Test func evalRefusesNoise() throws {
    let outcome = try OptiscopeProcess.run(["eval", "-l", "sphere", "--noise", "0.1", "--at", "1,2"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("drop --noise"), "\(outcome.stderr)")
  }

  @Test func theHelpListsTheKinds() throws {
    for command in [["run"], ["play"], ["bench", "run"]] {
      let outcome = try OptiscopeProcess.run(command + ["--help"])
      #expect(outcome.stdout.contains("--kinds <kind,…>"), "\(command)")
      #expect(outcome.stdout.contains("continuous, integer, boolean"), "\(command)")
    }
  }
}
