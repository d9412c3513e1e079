import Landscapes
import OptimizerCore

/// What a comparison bench runs: every optimizer (each point of its
/// sweep's grid, for a sweep) on every landscape from every seed, each run
/// at the same evaluation budget.
public struct BenchPlan: Sendable {
  /// One run of the plan.
  public struct Job: Sendable, Hashable {
    /// Position in the full plan (shards keep it, so merged results sort back).
    public var index: Int
    public var optimizer: OptimizerConfiguration
    /// The label users gave the optimizer (its name, or name with settings).
    public var optimizerLabel: String
    /// The swept values this run has; nil when the plan sweeps nothing.
    public var sweep: [SweptValue]?
    public var landscape: LandscapeSource
    public var seed: UInt64
  }

  /// An optimizer as the plan runs it: for a sweep, one entry per point of
  /// its grid (`sweep` its values; empty for an optimizer that no sweep
  /// reaches).
  public struct Entry: Sendable {
    public var label: String
    public var configuration: OptimizerConfiguration
    public var sweep: [SweptValue]?

    public init(label: String, configuration: OptimizerConfiguration, sweep: [SweptValue]? = nil) {
      self.label = label
      self.configuration = configuration
      self.sweep = sweep
    }
  }

  public var entries: [Entry]
  public var landscapes: [LandscapeSource]
  public var seeds: Int
  public var evaluations: Int

  public init(entries: [Entry], landscapes: [LandscapeSource], seeds: Int, evaluations: Int) {
    self.entries = entries
    self.landscapes = landscapes
    self.seeds = seeds
    self.evaluations = evaluations
  }

  /// A plan that sweeps nothing.
  public init(
    optimizers: [(label: String, configuration: OptimizerConfiguration)], landscapes: [LandscapeSource],
    seeds: Int, evaluations: Int
  ) {
    self.init(
      entries: optimizers.map { Entry(label: $0.label, configuration: $0.configuration) }, landscapes: landscapes,
      seeds: seeds, evaluations: evaluations)
  }

  /// True when the plan sweeps a hyperparameter.
  public var isSweep: Bool { entries.contains { $0.sweep != nil } }

  /// The most seeds a plan runs per optimizer and landscape: the medians
  /// and quartiles a report prints keep each run's result (`BenchAggregate`),
  /// so this bounds their memory, whatever the count asked for.
  public static let maximumSeeds = 10_000

  /// How many jobs the plan has.
  public var jobCount: Int { landscapes.count * entries.count * seeds }

  /// The job at `index`, made on demand so that a big plan is never held
  /// whole: landscape by landscape, entry by entry, seed by seed.
  public func job(at index: Int) -> Job {
    precondition(0 <= index && index < jobCount, "job \(index) is not in a plan of \(jobCount)")
    let entry = entries[index / seeds % entries.count]
    return Job(
      index: index, optimizer: entry.configuration, optimizerLabel: entry.label, sweep: entry.sweep,
      landscape: landscapes[index / (seeds * entries.count)], seed: UInt64(index % seeds + 1))
  }

  /// Every job, in order.
  public var jobs: [Job] { (0..<jobCount).map(job(at:)) }

  /// How many jobs the k-th of n slices has (k from 1): every n-th job
  /// starting at k − 1, so that slow optimizers and landscapes spread
  /// evenly over the slices. Its i-th job is `job(at: k - 1 + i * n)`.
  public func jobCount(shard k: Int, of n: Int) -> Int {
    precondition(1 <= k && k <= n, "shard \(k)/\(n) is out of range")
    return (jobCount - k + n) / n
  }

  /// The jobs of the k-th of n slices.
  public func jobs(shard k: Int, of n: Int) -> [Job] {
    (0..<jobCount(shard: k, of: n)).map { job(at: k - 1 + $0 * n) }
  }
}
