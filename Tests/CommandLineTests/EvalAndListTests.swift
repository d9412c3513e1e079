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
    for command in ["run", "eval", "list", "bench"] {
      let help = try OptiscopeProcess.run([command, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("optiscope \(command)"), "\(command) --help has no example")
    }
  }

  @Test func perfPrintsJSONWithAPSOCase() throws {
    let entries = try #require(
      try OptiscopeProcess.json(["bench", "--perf", "--evals", "20000", "--format", "json"]) as? [[String: Any]])
    #expect(entries.contains { ($0["case"] as? String)?.contains("pso") == true })
    #expect(entries.allSatisfy { ($0["evals_per_second"] as? Double ?? 0) > 0 })
  }
}
