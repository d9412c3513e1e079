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

  @Option(parsing: .unconditional, help: "Evaluations per speed case, from 1000 to 10^12.")
  var evals: Int = BenchPerfCommand.defaultEvaluations

  @Option(help: "Only the cases whose name contains one of these (comma-separated).")
  var cases: String?

  @Option(help: OutputFormat.help([.table, .json]))
  var format: OutputFormat = .table

  func validate() throws { try Self.validate(evaluations: evals, format: format) }

  /// The checks of `bench perf`, shared with `bench run --perf`.
  static func validate(evaluations: Int, format: OutputFormat) throws {
    try format.require([.table, .json])
    try requireCount(evaluations, "--evals", in: 1000...Limits.steps)
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
    let terminal = wanted("terminal") || wanted("present") ? try TerminalBenchmark.run { name in printNote("measuring \(name) …") } : []
    if wanted("scenes") { printNote("measuring scenes …") }
    let scenes: [SceneBenchmark.Figure]
    do { scenes = wanted("scenes") ? try SceneBenchmark.run(scenes: SceneLibrary.scenes()) : [] } catch {
      throw CommandLineError.failure("\(error)")
    }
    switch format {
    case .json:
      let speed = results.map {
        PerformanceDocument(
          name: $0.name, summary: $0.summary, evaluations: $0.evaluations, seconds: JSONNumber($0.seconds),
          evalsPerSecond: JSONNumber($0.evaluationsPerSecond.rounded()))
      }
      let frames = rendering.map {
        PerformanceDocument(
          name: $0.name, summary: $0.summary, medianMilliseconds: JSONNumber($0.medianMilliseconds),
          bestMilliseconds: JSONNumber($0.bestMilliseconds), goalMilliseconds: JSONNumber($0.goalMilliseconds))
      }
      let screens = terminal.map {
        PerformanceDocument(
          name: $0.name.hasPrefix("present/") ? $0.name : "terminal/" + $0.name, summary: $0.summary, medianMilliseconds: JSONNumber($0.medianMilliseconds),
          meanBytesPerFrame: JSONNumber($0.meanBytesPerFrame), maxBytesPerFrame: $0.maxBytesPerFrame)
      }
      let sceneFigures = scenes.map { PerformanceDocument(name: "scenes/" + $0.name, value: $0.value) }
      try StandardOutput.writeVerbatim(jsonText(speed + frames + screens + sceneFigures) + "\n")
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
