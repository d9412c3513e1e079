import ArgumentParser
import Engine
import OptimizerCore

/// How long a headless run goes: steps or evaluations.
struct BudgetOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Stop after this many iterations, at most 10^12 (default 1000 when --evals is not given).")
  var steps: Int?

  @Option(parsing: .unconditional, help: "Stop after this many evaluations of f, at most 10^12: the fair budget for comparing optimizers.")
  var evals: Int?

  func validate() throws {
    if steps != nil && evals != nil { throw ValidationError("give either --steps or --evals, not both") }
    try requireCount(steps, "--steps", in: 0...Limits.steps)
    try requireCount(evals, "--evals", in: 1...Limits.steps)
  }

  /// The options given on the command line, by their flags.
  var given: [String] { [steps.map { _ in "--steps" }, evals.map { _ in "--evals" }].compactMap { $0 } }

  var budget: Budget {
    if let evals { return .evaluations(evals) }
    return .steps(steps ?? 1000)
  }
}
