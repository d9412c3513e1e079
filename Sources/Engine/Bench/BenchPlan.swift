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

  /// Every job, landscape by landscape, optimizer by optimizer, seed by seed.
  public var jobs: [Job] {
    var result: [Job] = []
    for landscape in landscapes {
      for optimizer in optimizers {
        for seed in 1...seeds {
          result.append(
            Job(
              index: result.count, optimizer: optimizer.configuration, optimizerLabel: optimizer.label,
              landscape: landscape, seed: UInt64(seed)))
        }
      }
    }
    return result
  }

  /// The k-th of n slices (k from 1): every n-th job starting at k − 1, so
  /// that slow optimizers and landscapes spread evenly over the slices.
  public func jobs(shard k: Int, of n: Int) -> [Job] {
    precondition(1 <= k && k <= n, "shard \(k)/\(n) is out of range")
    return jobs.filter { $0.index % n == k - 1 }
  }
}
