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
      Evaluations per second of fixed workloads (the engine's step at 100,
      1000 and 10 000 particles among them), the milliseconds to compose
      a frame and to sample a heat map, the terminal's bytes per frame, what
      step-back costs a 10 000-particle swarm after 10 000 steps (history),
      the seconds to verify every curated scene and to record 100 000
      steps, and an external function's costs (external/…: the round trip
      of one evaluate request, a batch of 1000 points, a 200×120-pixel heat
      map) with a stdlib Python function, skipped with the reason when
      python3 is absent.
      Build in release mode: swift run -c release optiscope bench perf.

      Examples:
        optiscope bench perf
        optiscope bench perf --cases pso,render --format json
        optiscope bench perf --cases engine,core,history
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
    let external = wanted("external") ? ExternalBenchmark.run { name in printNote("measuring \(name) …") } ?? [] : []
    let terminal = wanted("terminal") || wanted("present") ? try TerminalBenchmark.run { name in printNote("measuring \(name) …") } : []
    if wanted("history") { printNote("measuring history …") }
    let history = wanted("history") ? HistoryBenchmark.run() : []
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
        + history.map { PerformanceDocument(name: $0.name, value: $0.value) }
      let externalFigures = external.map {
        PerformanceDocument(
          name: $0.name, summary: $0.summary, evaluations: $0.evaluations,
          evalsPerSecond: JSONNumber($0.evaluationsPerSecond.rounded()), medianMilliseconds: JSONNumber($0.medianMilliseconds))
      }
      try StandardOutput.writeVerbatim(jsonText(speed + frames + externalFigures + screens + sceneFigures) + "\n")
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
      if !external.isEmpty {
        var processes = TextTable(["case", "median ms", "evals/s", "what"])
        for result in external {
          processes.append([
            result.name, formatNumber(result.medianMilliseconds, significantDigits: 3),
            formatNumber(result.evaluationsPerSecond, significantDigits: 3), result.summary,
          ])
        }
        try StandardOutput.write("\n" + processes.rendered())
      }
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
      if !history.isEmpty {
        var table = TextTable(["history", "figure"])
        for figure in history { table.append([figure.name, figure.value]) }
        try StandardOutput.write("\n" + table.rendered())
      }
      if !scenes.isEmpty {
        var table = TextTable(["scenes", "figure"])
        for figure in scenes { table.append([figure.name, figure.value]) }
        try StandardOutput.write("\n" + table.rendered())
      }
    }
  }
}
