import ArgumentParser

/// `optiscope bench`: its subcommands `run` (the default), `merge` and
/// `perf`.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Compare optimizers on landscapes at a fixed evaluation budget, or measure speed.",
    discussion: """
      'optiscope bench run' (the default: 'optiscope bench …' is 'optiscope
      bench run …') compares optimizers; 'optiscope bench merge' joins the
      CSV or JSON slices of a sharded comparison; 'optiscope bench perf' measures
      speed. 'optiscope bench --perf' still works as 'optiscope bench perf'
      for this release and goes away in the next.

      \(BenchRunCommand.configuration.discussion)
      """,
    subcommands: [BenchRunCommand.self, BenchMergeCommand.self, BenchPerfCommand.self],
    defaultSubcommand: BenchRunCommand.self)
}
