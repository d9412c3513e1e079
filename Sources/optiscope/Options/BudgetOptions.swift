import ArgumentParser
import Engine

/// How long a headless run goes: steps or evaluations.
struct BudgetOptions: ParsableArguments {
  @Option(help: "Stop after this many iterations (default 1000 when --evals is not given).")
  var steps: Int?

  @Option(help: "Stop after this many evaluations of f: the fair budget for comparing optimizers.")
  var evals: Int?

  func validate() throws {
    if steps != nil && evals != nil { throw ValidationError("give either --steps or --evals, not both") }
    if let steps, steps < 0 { throw ValidationError("--steps must be ≥ 0, got \(steps)") }
    if let evals, evals < 1 { throw ValidationError("--evals must be ≥ 1, got \(evals)") }
  }

  /// The options given on the command line, by their flags.
  var given: [String] { [steps.map { _ in "--steps" }, evals.map { _ in "--evals" }].compactMap { $0 } }

  var budget: Budget {
    if let evals { return .evaluations(evals) }
    return .steps(steps ?? 1000)
  }
}
