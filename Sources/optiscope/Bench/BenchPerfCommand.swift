import ArgumentParser
import Engine
import Foundation
import OptimizerCore
import Rendering
import Scenes
import Terminal

/// `optiscope bench perf`: the speed of the core, the engine, the renderer,
/// the terminal and the scenes on fixed workloads.
struct BenchPerfCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "perf",
    abstract: "Measure speed: evaluations per second, frame times, bytes per frame, scene figures.",
    discussion: """
      Evaluations per second of fixed workloads, the milliseconds to compose
      a frame and to sample a heat map, the terminal's bytes per frame, and
      the seconds to verify every curated scene and to record 100 000 steps.
      Build in release mode: swift run -c release optiscope bench perf.

      Examples:
        optiscope bench perf
        optiscope bench perf --cases pso,render --format json
      """)

  /// Evaluations per speed case when --evals is not given.
  static let defaultEvaluations = 2_000_000

  @Option(help: "Evaluations per speed case.")
  var evals: Int = BenchPerfCommand.defaultEvaluations

  @Option(help: "Only the cases whose name contains one of these (comma-separated).")
  var cases: String?

  @Option(help: OutputFormat.help([.table, .json]))
  var format: OutputFormat = .table

  func validate() throws { try Self.validate(evaluations: evals, format: format) }

  /// The checks of `bench perf`, shared with `bench run --perf`.
  static func validate(evaluations: Int, format: OutputFormat) throws {
    try format.require([.table, .json])
    if evaluations < 1000 { throw ValidationError("--evals must be at least 1000 for speed cases, got \(evaluations)") }
  }

  func run() throws { try Self.measure(evaluations: evals, filters: cases.map(splitList) ?? [], format: format) }

  /// Measures the cases matching `filters` (all when empty) at
  /// `evaluations` each and prints them; shared with `bench run --perf`.
  static func measure(evaluations: Int, filters: [String], format: OutputFormat) throws {
    let results = PerformanceBenchmark.measure(
      PerformanceBenchmark.cases(matching: filters), evaluations: evaluations) { name in printNote("measuring \(name) …") }
    func wanted(_ group: String) -> Bool {
      filters.isEmpty || filters.contains { group.contains($0) || $0.contains(group) }
    }
    let rendering = wanted("render") ? try RenderingBenchmark.run { name in printNote("measuring \(name) …") } : []
    let terminal = wanted("terminal") ? try TerminalBenchmark.run { name in printNote("measuring \(name) …") } : []
    if wanted("scenes") { printNote("measuring scenes …") }
    let scenes: [SceneBenchmark.Figure]
    do { scenes = wanted("scenes") ? try SceneBenchmark.run(paths: SceneLibrary.paths()) : [] } catch {
      throw CommandLineError("\(error)")
    }
    switch format {
    case .json:
      let speed: [JSONValue] = results.map {
        .object([
          ("case", .string($0.name)), ("summary", .string($0.summary)),
          ("evaluations", .integer($0.evaluations)), ("seconds", .number($0.seconds)),
          ("evals_per_second", .number($0.evaluationsPerSecond.rounded())),
        ])
      }
      let frames: [JSONValue] = rendering.map {
        .object([
          ("case", .string($0.name)), ("summary", .string($0.summary)), ("evals_per_second", .null),
          ("median_ms", .number($0.medianMilliseconds)), ("best_ms", .number($0.bestMilliseconds)),
          ("goal_ms", .number($0.goalMilliseconds)),
        ])
      }
      let screens: [JSONValue] = terminal.map {
        .object([
          ("case", .string("terminal/" + $0.name)), ("summary", .string($0.summary)), ("evals_per_second", .null),
          ("mean_bytes_per_frame", .number($0.meanBytesPerFrame)), ("max_bytes_per_frame", .integer($0.maxBytesPerFrame)),
          ("median_ms", .number($0.medianMilliseconds)),
        ])
      }
      let sceneFigures: [JSONValue] = scenes.map {
        .object([("case", .string("scenes/" + $0.name)), ("value", .string($0.value)), ("evals_per_second", .null)])
      }
      try StandardOutput.writeVerbatim(JSONValue.array(speed + frames + screens + sceneFigures).serialized() + "\n")
    default:
      var table = TextTable(["case", "evals/s", "evaluations", "seconds", "what"])
      for result in results {
        table.append([
          result.name, formatNumber(result.evaluationsPerSecond, significantDigits: 3), String(result.evaluations),
          formatNumber(result.seconds, significantDigits: 3), result.summary,
        ])
      }
      try StandardOutput.write(table.rendered())
      var frames = TextTable(["case", "median ms", "best ms", "goal ms", "what"])
      for result in rendering {
        frames.append([
          result.name, formatNumber(result.medianMilliseconds, significantDigits: 3),
          formatNumber(result.bestMilliseconds, significantDigits: 3),
          formatNumber(result.goalMilliseconds, significantDigits: 3), result.summary,
        ])
      }
      if !rendering.isEmpty { try StandardOutput.write("\n" + frames.rendered()) }
      if !terminal.isEmpty {
        var screens = TextTable(["case", "mean bytes/frame", "max bytes", "present ms", "what"])
        for result in terminal {
          screens.append([
            result.name, String(Int(result.meanBytesPerFrame.rounded())), String(result.maxBytesPerFrame),
            formatNumber(result.medianMilliseconds, significantDigits: 3), result.summary,
          ])
        }
        try StandardOutput.write("\n" + screens.rendered())
      }
      if !scenes.isEmpty {
        var table = TextTable(["scenes", "figure"])
        for figure in scenes { table.append([figure.name, figure.value]) }
        try StandardOutput.write("\n" + table.rendered())
      }
    }
  }
}
