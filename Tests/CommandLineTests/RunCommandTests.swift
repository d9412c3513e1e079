import Foundation
import Testing

/// `optiscope run`: the surface scripts rely on.
@Suite struct RunCommandTests {
  @Test func jsonHasTheDocumentedKeys() throws {
    let object = try #require(
      try OptiscopeProcess.json(["run", "--landscape", "rosenbrock", "--optimizer", "adam", "--steps", "200", "--format", "json"])
        as? [String: Any])
    for key in ["landscape", "optimizer", "seed", "steps", "evaluations", "best", "gap"] {
      #expect(object[key] != nil, "missing key \(key)")
    }
    #expect(object["landscape"] as? String == "rosenbrock")
    #expect(object["steps"] as? Int == 200)
    let best = try #require(object["best"] as? [String: Any])
    #expect((best["point"] as? [Double])?.count == 2)
    let loss = try #require(best["loss"] as? Double)
    #expect(object["gap"] as? Double == loss)
  }

  /// `--set 'mean=1;-2'` sets one value per axis, shown as mean.1 and
  /// mean.2; a list of the wrong length is refused as a usage error.
  @Test func aPerAxisSettingTakesOneValuePerAxis() throws {
    let object = try #require(
      try OptiscopeProcess.json([
        "run", "-l", "sphere", "-o", "pso", "--set", "init=distribution", "--set", "mean=1;-2", "--steps", "1",
        "--format", "json",
      ]) as? [String: Any])
    let settings = try #require(object["hyperparameters"] as? [String: Any])
    #expect(settings["mean.1"] as? Double == 1 && settings["mean.2"] as? Double == -2)
    #expect(settings["init"] as? String == "distribution")
    let wrong = try OptiscopeProcess.run(["run", "-l", "sphere", "-o", "pso", "--set", "mean=1;2;3", "--steps", "1"])
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("mean expects 2 numbers separated by ';', one per axis, or one number for every axis"))
  }

  @Test func nonFiniteNumbersAreNullAndTheRestExact() throws {
    let outcome = try OptiscopeProcess.run([
      "run", "-e", "1/(x-x)", "-o", "random-search", "--start", "0.1,-0", "--steps", "2", "--format", "json",
    ])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("\"loss\" : null"), "JSON has no infinity")
    #expect(outcome.stdout.contains("0.1,\n") && outcome.stdout.contains("-0\n"), "shortest exact numbers")
    #expect(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) is [String: Any])
  }

  @Test func anExpressionHasANullGap() throws {
    let object = try #require(
      try OptiscopeProcess.json(["run", "--expression", "(x-1)^2 + (y+2)^2", "-o", "pso", "--evals", "2000", "--format", "json"])
        as? [String: Any])
    #expect(object["gap"] is NSNull)
    let best = try #require(object["best"] as? [String: Any])
    let point = try #require(best["point"] as? [Double])
    #expect(abs(point[0] - 1) < 0.05 && abs(point[1] + 2) < 0.05)
    #expect(object["evaluations"] as? Int ?? 0 >= 2000)
  }

  @Test func csvIsTheTrajectoryOneRowPerStep() throws {
    let outcome = try OptiscopeProcess.run(["run", "-l", "sphere", "-o", "spsa", "--steps", "40", "--format", "csv"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first == "step,evaluations,x,y,loss,best_x,best_y,best_loss")
    #expect(lines.count == 41)
    let losses = lines.dropFirst().map { Double($0.split(separator: ",").last!)! }
    #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 >= $1 }, "best loss never rises")
  }

  /// x, y and loss are where the optimizer is, not its best so far: an
  /// annealer that accepts worse moves sits above its best on some rows.
  @Test func csvRowsGiveTheCurrentPointBesideTheBest() throws {
    let outcome = try OptiscopeProcess.run(
      ["run", "-l", "rastrigin", "-o", "simulated-annealing", "--steps", "200", "--seed", "3", "--format", "csv"])
    #expect(outcome.status == 0)
    let rows = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
    #expect(rows.count == 200)
    #expect(rows.allSatisfy { $0[4] >= $0[7] }, "the current loss is never below the best so far")
    #expect(rows.contains { $0[4] > $0[7] && ($0[2] != $0[5] || $0[3] != $0[6]) }, "some rows sit away from the best")
  }

  @Test func theSameSeedGivesTheSameOutput() throws {
    let arguments = ["run", "-l", "rastrigin", "-o", "pso", "--seed", "7", "--evals", "1000", "--format", "csv"]
    let first = try OptiscopeProcess.run(arguments), second = try OptiscopeProcess.run(arguments)
    #expect(first.stdout == second.stdout)
    let other = try OptiscopeProcess.run(["run", "-l", "rastrigin", "-o", "pso", "--seed", "8", "--evals", "1000", "--format", "csv"])
    #expect(other.stdout != first.stdout)
  }

  @Test func descentPartsAndSettingsAreHonoured() throws {
    let object = try #require(
      try OptiscopeProcess.json([
        "run", "-l", "booth", "-o", "descent", "--gradient", "spsa", "--update", "adam", "--guard", "undo",
        "--set", "lr=0.05", "--start", "-5,5", "--steps", "300", "--format", "json",
      ]) as? [String: Any])
    #expect((object["optimizer"] as? String)?.contains("spsa") == true)
    #expect((object["start"] as? [Double]) == [-5, 5])
    let hyperparameters = try #require(object["hyperparameters"] as? [String: Any])
    #expect(hyperparameters["lr"] as? Double == 0.05)
  }

  @Test func aHigherDimensionRuns() throws {
    let object = try #require(
      try OptiscopeProcess.json(["run", "-l", "sphere", "--dim", "5", "-o", "adam", "--steps", "10", "--format", "json"])
        as? [String: Any])
    #expect(((object["best"] as? [String: Any])?["point"] as? [Double])?.count == 5)
  }
}
