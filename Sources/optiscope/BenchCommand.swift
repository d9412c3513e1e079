import ArgumentParser
import Engine
import OptimizerCore

/// `optiscope bench`: speed figures of the core and the engine.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the optimizer core's and the engine's speed.",
    discussion: """
      --perf prints evaluations per second of fixed workloads: a 50-particle
      swarm on 2-D Rastrigin (optimizer alone, and through the engine's full
      step with probes logged), and the evaluator's and the expression
      compiler's own speed. Build in release mode for meaningful figures.

      Examples:
        swift run -c release optiscope bench --perf
        optiscope bench --perf --format json --evals 5000000
      """)

  @Flag(help: "Measure speed (evaluations per second).")
  var perf = false

  @Option(help: "Evaluations per case.")
  var evals: Int = 2_000_000

  @Option(help: OutputFormat.help([.table, .json]))
  var format: OutputFormat = .table

  func validate() throws {
    guard perf else { throw ValidationError("say what to measure: --perf") }
    try format.require([.table, .json])
    if evals < 1000 { throw ValidationError("--evals must be at least 1000") }
  }

  func run() throws {
    let results = PerformanceBenchmark.measure(evaluations: evals) { name in printNote("measuring \(name) …") }
    switch format {
    case .json:
      print(
        JSONValue.array(
          results.map {
            .object([
              ("case", .string($0.name)), ("summary", .string($0.summary)),
              ("evaluations", .integer($0.evaluations)), ("seconds", .number($0.seconds)),
              ("evals_per_second", .number($0.evaluationsPerSecond.rounded())),
            ])
          }
        ).serialized())
    default:
      var table = TextTable(["case", "evals/s", "evaluations", "seconds", "what"])
      for result in results {
        table.append([
          result.name, formatNumber(result.evaluationsPerSecond, significantDigits: 3), String(result.evaluations),
          formatNumber(result.seconds, significantDigits: 3), result.summary,
        ])
      }
      print(table.rendered())
    }
  }
}
