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
      of a big bench with --shard K/N as a job array (docs/CLUSTER.md), then
      merge them. A slice's JSON (--shard K/N --format json) is its runs,
      one per line, which `bench merge` joins as it joins CSV.

      --set KEY=VALUE applies to every optimizer that has KEY;
      --set NAME:KEY=VALUE to the optimizer NAME only.

      --sweep KEY=LOW..HIGH[:N][:log] runs every optimizer that has KEY
      (NAME:KEY=…, the optimizer NAME only) at N values of it from LOW to
      HIGH (default 9), evenly spaced, or evenly spaced in log with ':log'
      (LOW > 0); a whole-number hyperparameter's values are rounded and
      repeats dropped. Several --sweep make a grid. Optimizers no sweep
      reaches run once, at their settings, for comparison. The report has a
      row per optimizer, landscape and value (of each swept key) with the
      success rate and the median gap; it leaves out the speed, so that the
      same plan prints the same bytes on any machine and any number of
      cores, merged from shards or not. --plot draws the sensitivity
      curves: a panel per landscape, the success rate against the value (a
      log axis for a log sweep), a curve per optimizer and per value of any
      other swept key, a dashed line for an optimizer not swept.

      Examples:
        optiscope bench
        optiscope bench run --optimizers pso,cma-es,simulated-annealing --landscapes rastrigin,ackley --seeds 50
        optiscope bench run --optimizers pso --set pso:particles=40 --evals 10000 --plot curves.svg
        optiscope bench run --optimizers external,cma-es --command "python3 clients/python/examples/random_search.py" --seeds 5
        optiscope bench run --landscapes sphere,rosenbrock --dim 10 --evals 20000 --format markdown
        optiscope bench run --shard 3/8 --format csv > part3.csv && optiscope bench merge part*.csv
        optiscope bench run --optimizers pso,cma-es --landscapes rastrigin,ackley --sweep pso:omega=0.2..1:9 --plot omega.svg
        optiscope bench run --optimizers pso --sweep particles=5..200:6:log --sweep omega=0.4..0.9:3 --format markdown
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

  @Option(
    name: .customLong("sweep"),
    help: ArgumentHelp(
      "Run at N values of a hyperparameter from LOW to HIGH (default 9; ':log' spaces them in log); repeat for a grid.",
      valueName: "[name:]key=low..high[:n][:log]"))
  var sweeps: [BenchSweep] = []

  @Option(help: ArgumentHelp("Run only the K-th of N equal slices of the jobs, 1 ≤ K ≤ N.", valueName: "K/N"))
  var shard: Shard?

  @Option(help: ArgumentHelp("Write the convergence curves (with --sweep, the sensitivity curves) as an SVG picture.", valueName: "file.svg"))
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
    for sweep in sweeps {
      if let problem = sweep.problem { throw ValidationError("--sweep \(sweep.text): \(problem)") }
    }
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
    var report = try BenchReport(
      format: format, plot: plot, budget: plan.evaluations, sweep: plan.isSweep, printsRecords: shard != nil && format == .json)
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

    var entries: [BenchPlan.Entry] = []
    if names.contains(OptimizerKind.externalName) != (command != nil) {
      throw CommandLineError(
        command == nil
          ? "'external' among --optimizers needs --command, the command that runs it (docs/PROTOCOL.md)"
          : "--command runs an external optimizer; name 'external' among --optimizers")
    }
    var sweepsUsed = Set<BenchSweep>()
    var knownByAll = Set<String>()
    for name in names {
      var choice = OptimizerChoice(name)
      if name == OptimizerKind.externalName {
        // Its hyperparameters are the process's to declare: only external:KEY settings reach it.
        if let sweep = sweeps.first(where: { $0.optimizer == name }) {
          throw CommandLineError("--sweep \(sweep.text): an external optimizer's hyperparameters are its process's to declare, so they are not swept")
        }
        choice.command = command
        choice.settings = settings.filter { $0.optimizer == name }.map(\.setting)
        do { entries.append(.init(label: name, configuration: try choice.configuration(on: domain), sweep: sweeps.isEmpty ? nil : [])) } catch {
          throw CommandLineError(error.description)
        }
        continue
      }
      do {
        let hyperparameters = try choice.defaults(on: domain).hyperparameters
        // A per-axis setting (mean) is known by its name as well as its axes' (mean.1).
        let known = Set(hyperparameters.names + hyperparameters.specs.compactMap(\.axisGroup))
        knownByAll.formUnion(known)
        choice.settings = settings.filter { $0.optimizer == name || ($0.optimizer == nil && known.contains($0.setting.name)) }
          .map(\.setting)
        let mine = sweeps.filter { $0.optimizer == name || ($0.optimizer == nil && known.contains($0.key)) }
        sweepsUsed.formUnion(mine)
        let axes = try mine.map { try sweptValues($0, of: name, in: hyperparameters, known: known, setting: choice.settings) }
        for point in try grid(axes, of: name) {
          var variant = choice
          variant.settings += point.map { HyperparameterSetting($0.key, exactNumber($0.value)) }
          entries.append(.init(label: name, configuration: try variant.configuration(on: domain), sweep: sweeps.isEmpty ? nil : point))
        }
      } catch let error as ConfigurationError {
        throw CommandLineError(error.description)
      }
    }
    for owner in settings.compactMap(\.optimizer) where !names.contains(owner) {
      throw CommandLineError("--set \(owner):… names an optimizer that is not benchmarked\(suggestionSuffix(for: owner, in: names))")
    }
    for sweep in sweeps where !sweepsUsed.contains(sweep) {
      if let owner = sweep.optimizer, !names.contains(owner) {
        throw CommandLineError("--sweep \(sweep.text) names an optimizer that is not benchmarked\(suggestionSuffix(for: owner, in: names))")
      }
      throw CommandLineError(
        "--sweep \(sweep.text): no optimizer benchmarked has a hyperparameter '\(sweep.key)'\(suggestionSuffix(for: sweep.key, in: knownByAll.sorted()))")
    }
    return BenchPlan(entries: entries, landscapes: sources, seeds: seeds, evaluations: budget)
  }

  /// The values `sweep` gives the optimizer `name`, checked against its
  /// hyperparameter (a number, LOW and HIGH in its range, not also set by
  /// --set).
  private func sweptValues(
    _ sweep: BenchSweep, of name: String, in hyperparameters: Hyperparameters, known: Set<String>,
    setting: [HyperparameterSetting]
  ) throws -> [SweptValue] {
    guard known.contains(sweep.key) else {
      throw CommandLineError(
        "--sweep \(sweep.text): \(name) has no hyperparameter '\(sweep.key)'\(suggestionSuffix(for: sweep.key, in: known.sorted()))")
    }
    if setting.contains(where: { $0.name == sweep.key }) {
      throw CommandLineError("--sweep \(sweep.text) and --set \(sweep.key) both give \(name)'s \(sweep.key); keep one")
    }
    let specs = hyperparameters.spec(named: sweep.key).map { [$0] } ?? hyperparameters.axisSpecs(of: sweep.key)
    let kind = specs[0].kind
    guard kind == .real || kind == .integer else {
      let what = kind == .boolean ? "on or off" : "one of \(specs[0].describeRange())"
      throw CommandLineError("--sweep \(sweep.text): \(name)'s \(sweep.key) is \(what), not a number to sweep")
    }
    for spec in specs {
      for end in [sweep.low, sweep.high] where !spec.range.contains(end) {
        throw CommandLineError(
          "--sweep \(sweep.text): \(exactNumber(end)) is outside the range of \(name)'s \(spec.name), \(spec.describeRange())")
      }
    }
    let values = sweep.values(for: kind)
    guard values.count >= 2 else {
      throw CommandLineError(
        "--sweep \(sweep.text): \(name)'s \(sweep.key) is a whole number, and \(exactNumber(sweep.low))..\(exactNumber(sweep.high)) rounds to \(exactNumber(values[0])) alone")
    }
    return values.map { SweptValue(key: sweep.key, value: $0, logarithmic: sweep.logarithmic) }
  }

  /// Every combination of the swept values, the first sweep's changing
  /// slowest; one empty point when nothing is swept.
  private func grid(_ axes: [[SweptValue]], of name: String) throws -> [[SweptValue]] {
    var keys = Set<String>()
    for axis in axes where !keys.insert(axis[0].key).inserted {
      throw CommandLineError("--sweep sweeps \(name)'s \(axis[0].key) twice; keep one")
    }
    let size = axes.reduce(1) { $0 * $1.count }
    guard size <= BenchSweep.maximumGridPoints else {
      throw CommandLineError("the sweeps make a grid of \(size) points for \(name); at most \(BenchSweep.maximumGridPoints) are run")
    }
    var points: [[SweptValue]] = [[]]
    for axis in axes { points = points.flatMap { point in axis.map { point + [$0] } } }
    return points
  }
}
