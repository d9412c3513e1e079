import ArgumentParser
import Engine
import Foundation
import Landscapes
import OptimizerCore
import Rendering
import Scenes
import Terminal

/// `optiscope bench`: its two subcommands, `run` (the default) and `merge`.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Compare optimizers on landscapes at a fixed evaluation budget, or measure speed.",
    discussion: BenchRunCommand.configuration.discussion,
    subcommands: [BenchRunCommand.self, BenchMergeCommand.self],
    defaultSubcommand: BenchRunCommand.self)
}

/// `optiscope bench [run]`: compare optimizers across landscapes and seeds,
/// or measure raw speed.
struct BenchRunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Compare optimizers on landscapes at a fixed evaluation budget, or measure speed (the default).",
    discussion: """
      Every optimizer runs on every landscape from every seed, at the same
      budget of evaluations. A run starts from a point drawn from its seed
      (the same point for every optimizer), never the domain's centre. A run
      succeeds when best − f* ≤ 1e-4·max(1, |f*|). Runs use every core; a
      progress bar goes to stderr.

      Per optimizer and landscape it prints the success rate, the median gap,
      the median evaluations to success and evaluations per second. CSV
      prints one row per run instead, which `bench merge` joins: run slices
      of a big sweep with --shard K/N as a job array, then merge them.

      --set KEY=VALUE applies to every optimizer that has KEY;
      --set NAME:KEY=VALUE to the optimizer NAME only.

      --perf measures speed instead: evaluations per second of fixed
      workloads, the milliseconds to compose a frame and to sample a heat
      map, the terminal's bytes per frame, and the seconds to verify every
      curated scene and to record 100 000 steps (build in release mode:
      swift run -c release optiscope …).

      Examples:
        optiscope bench
        optiscope bench --optimizers pso,cma-es,simulated-annealing --landscapes rastrigin,ackley --seeds 50
        optiscope bench --optimizers pso --set pso:particles=40 --evals 10000 --plot curves.svg
        optiscope bench --landscapes sphere,rosenbrock --dim 10 --evals 20000 --format markdown
        optiscope bench --shard 3/8 --format csv > part3.csv && optiscope bench merge part*.csv
        optiscope bench --perf --format json
      """)

  @Option(help: "Comma-separated optimizer names (default: every registered one).")
  var optimizers: String?

  @Option(help: "Comma-separated landscape names (default: the 14 classic functions).")
  var landscapes: String?

  @Option(help: "Seeds per optimizer and landscape.")
  var seeds: Int = 20

  @Option(help: "The evaluation budget of every run (default 2000; with --perf, evaluations per case, default 2000000).")
  var evals: Int?

  /// The budget per run, or per speed case with --perf.
  var budget: Int { evals ?? (perf ? 2_000_000 : 2000) }

  @Option(help: "Dimension n for the functions with an n-dimensional form (others are skipped when n ≠ 2).")
  var dim: Int = 2

  @Option(name: .customLong("set"), help: ArgumentHelp("A hyperparameter for every optimizer that has it, or for one: NAME:KEY=VALUE.", valueName: "[name:]key=value"))
  var settings: [String] = []

  @Option(help: ArgumentHelp("Run only the K-th of N equal slices of the jobs.", valueName: "K/N"))
  var shard: String?

  @Option(help: ArgumentHelp("Write the convergence curves as an SVG picture.", valueName: "file.svg"))
  var plot: String?

  @Option(help: OutputFormat.help([.table, .csv, .markdown, .json]))
  var format: OutputFormat = .table

  @Flag(help: "Measure speed (evaluations per second) instead of comparing.")
  var perf = false

  @Option(help: "With --perf: only the cases whose name contains one of these (comma-separated).")
  var cases: String?

  func validate() throws {
    if perf {
      try format.require([.table, .json])
      if budget < 1000 { throw ValidationError("--evals must be at least 1000 with --perf") }
      return
    }
    if seeds < 1 { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
    if budget < 10 { throw ValidationError("--evals must be at least 10, got \(budget)") }
    if dim < 1 { throw ValidationError("--dim must be at least 1, got \(dim)") }
    if shard != nil, plot != nil {
      throw ValidationError("--plot needs every run; plot after 'optiscope bench merge'")
    }
  }

  func run() throws {
    if perf { return try runPerformance() }
    let plan = try makePlan()
    var jobs = plan.jobs
    if let shard {
      let (k, n) = try parseShard(shard)
      jobs = plan.jobs(shard: k, of: n)
    }
    let progress = ProgressBar(label: "bench")
    let records: [BenchRecord]
    do {
      records = try BenchRunner.run(jobs, evaluations: plan.evaluations) { done, total in
        progress.update(done: done, total: total)
      }
    } catch {
      throw CommandLineError(error.description)
    }
    progress.finish()
    try BenchReport(records: records, budget: plan.evaluations).print(format: format, plot: plot)
  }

  /// The plan from the options: names checked, settings parsed per optimizer.
  func makePlan() throws -> BenchPlan {
    let names = optimizers.map(splitList) ?? OptimizerRegistry.names.filter { $0 != "descent" }
    let landscapeNames = landscapes.map(splitList) ?? LandscapeCatalog.classic
    var sources: [LandscapeSource] = []
    for name in landscapeNames {
      do { _ = try LandscapeCatalog.make(name) } catch { throw CommandLineError(error.description) }
      let entry = LandscapeCatalog.entries.first { $0.name == name.lowercased() }!
      if dim != 2 && !entry.hasNDimensionalForm {
        if landscapes != nil { throw CommandLineError("\(name) has no \(dim)-dimensional form") }
        continue
      }
      sources.append(.named(entry.name, dimension: dim))
    }
    guard !sources.isEmpty else { throw CommandLineError("no landscape has a \(dim)-dimensional form among those chosen") }
    let domain = try sources[0].make().domain

    var configurations: [(label: String, configuration: OptimizerConfiguration)] = []
    for name in names {
      let kind: OptimizerKind
      do { kind = try OptimizerRegistry.resolve(OptimizerKind(name: name)) } catch {
        throw CommandLineError(error.description)
      }
      var hyperparameters: Hyperparameters
      do { hyperparameters = try OptimizerRegistry.hyperparameters(for: kind, domain: domain) } catch {
        throw CommandLineError(error.description)
      }
      var values: [(String, Double)] = []
      for setting in try parsedSettings() where setting.optimizer == nil || setting.optimizer == name {
        guard hyperparameters.contains(setting.key) else {
          if setting.optimizer == nil { continue }
          throw CommandLineError(
            "\(name): " + HyperparameterError.unknownName(
              setting.key, suggestion: nearestName(to: setting.key, in: hyperparameters.names),
              known: hyperparameters.names).description)
        }
        do { try hyperparameters.set(setting.key, text: setting.value) } catch {
          throw CommandLineError("\(name): \(error)")
        }
        values.append((setting.key, hyperparameters[setting.key]))
      }
      configurations.append((name, OptimizerConfiguration(kind: kind, settings: values)))
    }
    for setting in try parsedSettings() {
      if let owner = setting.optimizer, !names.contains(owner) {
        throw CommandLineError("--set \(owner):… names an optimizer that is not benchmarked\(suggestionSuffix(for: owner, in: names))")
      }
    }
    return BenchPlan(optimizers: configurations, landscapes: sources, seeds: seeds, evaluations: budget)
  }

  private struct ParsedSetting {
    var optimizer: String?
    var key: String
    var value: String
  }

  private func parsedSettings() throws -> [ParsedSetting] {
    try settings.map { text in
      guard let equals = text.firstIndex(of: "=") else {
        throw CommandLineError("--set '\(text)' must look like key=value or name:key=value")
      }
      let target = String(text[..<equals]), value = String(text[text.index(after: equals)...])
      if let colon = target.firstIndex(of: ":") {
        return ParsedSetting(
          optimizer: String(target[..<colon]), key: String(target[target.index(after: colon)...]), value: value)
      }
      return ParsedSetting(optimizer: nil, key: target, value: value)
    }
  }

  private func parseShard(_ text: String) throws -> (Int, Int) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, 1 <= k, k <= n else {
      throw CommandLineError("--shard '\(text)' must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/8")
    }
    return (k, n)
  }

  private func runPerformance() throws {
    let filters = cases.map(splitList) ?? []
    let results = PerformanceBenchmark.measure(
      PerformanceBenchmark.cases(matching: filters), evaluations: budget) { name in printNote("measuring \(name) …") }
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
      print(JSONValue.array(speed + frames + screens + sceneFigures).serialized())
    default:
      var table = TextTable(["case", "evals/s", "evaluations", "seconds", "what"])
      for result in results {
        table.append([
          result.name, formatNumber(result.evaluationsPerSecond, significantDigits: 3), String(result.evaluations),
          formatNumber(result.seconds, significantDigits: 3), result.summary,
        ])
      }
      print(table.rendered())
      var frames = TextTable(["case", "median ms", "best ms", "goal ms", "what"])
      for result in rendering {
        frames.append([
          result.name, formatNumber(result.medianMilliseconds, significantDigits: 3),
          formatNumber(result.bestMilliseconds, significantDigits: 3),
          formatNumber(result.goalMilliseconds, significantDigits: 3), result.summary,
        ])
      }
      if !rendering.isEmpty { print("\n" + frames.rendered()) }
      if !terminal.isEmpty {
        var screens = TextTable(["case", "mean bytes/frame", "max bytes", "present ms", "what"])
        for result in terminal {
          screens.append([
            result.name, String(Int(result.meanBytesPerFrame.rounded())), String(result.maxBytesPerFrame),
            formatNumber(result.medianMilliseconds, significantDigits: 3), result.summary,
          ])
        }
        print("\n" + screens.rendered())
      }
      if !scenes.isEmpty {
        var table = TextTable(["scenes", "figure"])
        for figure in scenes { table.append([figure.name, figure.value]) }
        print("\n" + table.rendered())
      }
    }
  }
}

/// Splits `a,b, c` into names.
func splitList(_ text: String) -> [String] {
  text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// `optiscope bench merge`: join sliced CSVs into one report.
struct BenchMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the CSV files of bench slices (--shard K/N --format csv) into one report.",
    discussion: """
      Examples:
        optiscope bench merge part1.csv part2.csv part3.csv
        optiscope bench merge parts/*.csv --format markdown --plot curves.svg
      """)

  @Argument(help: "The CSV files written by 'optiscope bench --shard K/N --format csv'.")
  var files: [String]

  @Option(help: ArgumentHelp("Write the convergence curves as an SVG picture.", valueName: "file.svg"))
  var plot: String?

  @Option(help: OutputFormat.help([.table, .csv, .markdown, .json]))
  var format: OutputFormat = .table

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one CSV file") }
  }

  func run() throws {
    var records: [BenchRecord] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandLineError("\(file): cannot read the file")
      }
      do { records += try BenchRecordCSV.read(String(decoding: data, as: UTF8.self), file: file) } catch {
        throw CommandLineError(error.description)
      }
    }
    var seen = Set<Int>()
    for record in records where !seen.insert(record.index).inserted {
      throw CommandLineError("run \(record.index) appears in more than one file: were the same slices merged twice?")
    }
    records.sort { $0.index < $1.index }
    let budgets = Set(records.map(\.budget))
    guard budgets.count <= 1 else {
      throw CommandLineError("the files were run with different budgets (\(budgets.sorted().map(String.init).joined(separator: ", ")))")
    }
    try BenchReport(records: records, budget: budgets.first ?? 0).print(format: format, plot: plot)
  }
}
