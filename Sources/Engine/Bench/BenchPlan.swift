import Landscapes
import OptimizerCore

/// What a comparison bench runs: every optimizer on every landscape from
/// every seed, each run at the same evaluation budget.
public struct BenchPlan: Sendable {
  /// One run of the plan.
  public struct Job: Sendable, Hashable {
    /// Position in the full plan (shards keep it, so merged results sort back).
    public var index: Int
    public var optimizer: OptimizerConfiguration
    /// The label users gave the optimizer (its name, or name with settings).
    public var optimizerLabel: String
    public var landscape: LandscapeSource
    public var seed: UInt64
  }

  public var optimizers: [(label: String, configuration: OptimizerConfiguration)]
  public var landscapes: [LandscapeSource]
  public var seeds: Int
  public var evaluations: Int

  public init(
    optimizers: [(label: String, configuration: OptimizerConfiguration)], landscapes: [LandscapeSource],
    seeds: Int, evaluations: Int
  ) {
    self.optimizers = optimizers
    self.landscapes = landscapes
    self.seeds = seeds
    self.evaluations = evaluations
  }

  /// The most seeds a plan runs per optimizer and landscape: the medians
  /// and quartiles a report prints keep each run's result (`BenchAggregate`),
  /// so this bounds their memory, whatever the count asked for.
  public static let maximumSeeds = 10_000

  /// How many jobs the plan has.
  public var jobCount: Int { landscapes.count * optimizers.count * seeds }

  /// The job at `index`, made on demand so that a big plan is never held
  /// whole: landscape by landscape, optimizer by optimizer, seed by seed.
  public func job(at index: Int) -> Job {
    precondition(0 <= index && index < jobCount, "job \(index) is not in a plan of \(jobCount)")
    let optimizer = optimizers[index / seeds % optimizers.count]
    return Job(
      index: index, optimizer: optimizer.configuration, optimizerLabel: optimizer.label,
      landscape: landscapes[index / (seeds * optimizers.count)], seed: UInt64(index % seeds + 1))
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
