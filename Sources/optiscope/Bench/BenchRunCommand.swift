import ArgumentParser
import Engine
import Foundation
import Landscapes
import OptimizerCore

/// `optiscope bench [run]`: compare optimizers across landscapes and seeds.
struct BenchRunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Compare optimizers on landscapes at a fixed evaluation budget.",
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

      Examples:
        optiscope bench
        optiscope bench run --optimizers pso,cma-es,simulated-annealing --landscapes rastrigin,ackley --seeds 50
        optiscope bench run --optimizers pso --set pso:particles=40 --evals 10000 --plot curves.svg
        optiscope bench run --optimizers external,cma-es --command "python3 clients/python/examples/random_search.py" --seeds 5
        optiscope bench run --landscapes sphere,rosenbrock --dim 10 --evals 20000 --format markdown
        optiscope bench run --shard 3/8 --format csv > part3.csv && optiscope bench merge part*.csv
      """)

  @Option(help: "Comma-separated optimizer names (default: every registered one but 'descent', which is 'gd' unless given parts).")
  var optimizers: String?

  @Option(help: "Comma-separated landscape names (default: the 14 classic functions).")
  var landscapes: String?

  @Option(parsing: .unconditional, help: "Seeds per optimizer and landscape, at most \(BenchPlan.maximumSeeds).")
  var seeds: Int = 20

  @Option(parsing: .unconditional, help: "The evaluation budget of every run, at most 10^12 (default 2000; with --perf, evaluations per case, default 2000000).")
  var evals: Int?

  @Option(parsing: .unconditional, help: "Dimension n for the functions with an n-dimensional form, at most \(Limits.dimension) (others are skipped when n ≠ 2).")
  var dim: Int = 2

  @Option(help: AxisKindList.help(" They apply to every landscape of the bench."))
  var kinds: AxisKindList?

  @Option(help: ArgumentHelp("With 'external' among --optimizers: the command that runs it (docs/PROTOCOL.md); each job starts it afresh.", valueName: "command"))
  var command: String?

  @Option(name: .customLong("set"), help: ArgumentHelp("A hyperparameter for every optimizer that has it, or for one: NAME:KEY=VALUE.", valueName: "[name:]key=value"))
  var settings: [BenchSetting] = []

  @Option(help: ArgumentHelp("Run only the K-th of N equal slices of the jobs, 1 ≤ K ≤ N.", valueName: "K/N"))
  var shard: Shard?

  @Option(help: ArgumentHelp("Write the convergence curves as an SVG picture.", valueName: "file.svg"))
  var plot: String?

  @Option(help: OutputFormat.help([.table, .csv, .markdown, .json]))
  var format: OutputFormat = .table

  @Flag(help: "The same as 'optiscope bench perf' (kept for this release only).")
  var perf = false

  @Option(help: "With --perf: as 'optiscope bench perf --cases'.")
  var cases: String?

  /// The budget per run.
  var budget: Int { evals ?? 2000 }

  func validate() throws {
    if perf { return try BenchPerfCommand.validate(evaluations: evals ?? BenchPerfCommand.defaultEvaluations, format: format) }
    if cases != nil { throw ValidationError("--cases belongs to 'optiscope bench perf'") }
    try requireCount(seeds, "--seeds", in: 1...BenchPlan.maximumSeeds)
    for (list, option) in [(optimizers, "--optimizers"), (landscapes, "--landscapes")] {
      if let list, splitList(list).isEmpty { throw ValidationError("\(option) '\(list)' names nothing; give comma-separated names") }
    }
    try requireCount(budget, "--evals", in: 10...Limits.steps)
    try requireCount(dim, "--dim", in: 1...Limits.dimension)
    try kinds?.validate(option: "--kinds")
    if shard != nil, plot != nil {
      throw ValidationError("--plot needs every run; plot after 'optiscope bench merge'")
    }
  }

  func run() throws {
    if perf {
      return try BenchPerfCommand.measure(
        evaluations: evals ?? BenchPerfCommand.defaultEvaluations, filters: cases.map(splitList) ?? [], format: format)
    }
    let plan = try makePlan()
    // The jobs are made one at a time and their records streamed into the
    // report, so that neither is held whole.
    let (k, n) = shard.map { ($0.k, $0.n) } ?? (1, 1)
    let progress = ProgressBar(label: "bench")
    var report = try BenchReport(format: format, plot: plot, budget: plan.evaluations)
    // A record that cannot be written stops the bench; the error is thrown
    // once the runs in flight are done.
    var writeFailure: (any Error)?
    do {
      try BenchRunner.stream(
        count: plan.jobCount(shard: k, of: n), job: { plan.job(at: k - 1 + $0 * n) }, evaluations: plan.evaluations,
        progress: { done, total in progress.update(done: done, total: total) }
      ) { record in
        do { try report.add(record) } catch { writeFailure = error }
        return writeFailure == nil
      }
    } catch {
      throw CommandLineError.failure(error.description)
    }
    if let writeFailure { throw writeFailure }
    progress.finish()
    try report.finish()
  }

  /// The plan from the options: each optimizer checked, with the settings
  /// that apply to it, by `OptimizerChoice` on the first landscape's domain.
  func makePlan() throws -> BenchPlan {
    let names = optimizers.map(splitList) ?? OptimizerRegistry.entries.filter { !$0.asksForParts }.map(\.name)
    let landscapeNames = landscapes.map(splitList) ?? LandscapeCatalog.classic
    var sources: [LandscapeSource] = []
    for name in landscapeNames {
      do { _ = try LandscapeCatalog.make(name) } catch { throw CommandLineError(error.description) }
      let entry = LandscapeCatalog.entries.first { $0.name == name.lowercased() }!
      if dim != 2 && !entry.hasNDimensionalForm {
        if landscapes != nil { throw CommandLineError("\(name) has no \(dim)-dimensional form") }
        continue
      }
      var source = LandscapeSource.named(entry.name, dimension: dim)
      if let kinds { try source.setKinds(kinds, option: "--kinds") }
      sources.append(source)
    }
    guard !sources.isEmpty else { throw CommandLineError("no landscape has a \(dim)-dimensional form among those chosen") }
    let domain = try sources[0].make().domain

    var configurations: [(label: String, configuration: OptimizerConfiguration)] = []
    if names.contains(OptimizerKind.externalName) != (command != nil) {
      throw CommandLineError(
        command == nil
          ? "'external' among --optimizers needs --command, the command that runs it (docs/PROTOCOL.md)"
          : "--command runs an external optimizer; name 'external' among --optimizers")
    }
    for name in names {
      var choice = OptimizerChoice(name)
      if name == OptimizerKind.externalName {
        // Its hyperparameters are the process's to declare: only external:KEY settings reach it.
        choice.command = command
        choice.settings = settings.filter { $0.optimizer == name }.map(\.setting)
        do { configurations.append((name, try choice.configuration(on: domain))) } catch {
          throw CommandLineError(error.description)
        }
        continue
      }
      do {
        let hyperparameters = try choice.defaults(on: domain).hyperparameters
        // A per-axis setting (mean) is known by its name as well as its axes' (mean.1).
        let known = Set(hyperparameters.names + hyperparameters.specs.compactMap(\.axisGroup))
        choice.settings = settings.filter { $0.optimizer == name || ($0.optimizer == nil && known.contains($0.setting.name)) }
          .map(\.setting)
        configurations.append((name, try choice.configuration(on: domain)))
      } catch {
        throw CommandLineError(error.description)
      }
    }
    for owner in settings.compactMap(\.optimizer) where !names.contains(owner) {
      throw CommandLineError("--set \(owner):… names an optimizer that is not benchmarked\(suggestionSuffix(for: owner, in: names))")
    }
    return BenchPlan(optimizers: configurations, landscapes: sources, seeds: seeds, evaluations: budget)
  }
}
