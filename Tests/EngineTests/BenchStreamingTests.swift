import Engine
import OptimizerCore
import Foundation
import Testing

/// The bench makes its jobs from their indices and streams their records a
/// batch at a time, so that neither is held whole; the summaries do not
/// change.
@Suite struct BenchStreamingTests {
  let plan = BenchPlan(
    optimizers: [("pso", OptimizerConfiguration("pso")), ("random-search", OptimizerConfiguration("random-search"))],
    landscapes: [.named("sphere"), .named("booth"), .named("rastrigin")], seeds: 7, evaluations: 60)

  /// A job as the nested loops over landscapes, optimizers and seeds name it.
  struct Place: Equatable {
    var index: Int
    var landscape: LandscapeSource
    var label: String
    var configuration: OptimizerConfiguration
    var seed: UInt64

    init(_ job: BenchPlan.Job) {
      self.init(job.index, job.landscape, job.optimizerLabel, job.optimizer, job.seed)
    }

    init(_ index: Int, _ landscape: LandscapeSource, _ label: String, _ configuration: OptimizerConfiguration, _ seed: UInt64) {
      self.index = index
      self.landscape = landscape
      self.label = label
      self.configuration = configuration
      self.seed = seed
    }
  }

  @Test func jobsMadeFromTheirIndexFollowTheNestedOrder() {
    var expected: [Place] = []
    for landscape in plan.landscapes {
      for optimizer in plan.entries {
        for seed in 1...plan.seeds {
          expected.append(Place(expected.count, landscape, optimizer.label, optimizer.configuration, UInt64(seed)))
        }
      }
    }
    #expect(plan.jobs.map(Place.init) == expected)
    for n in 1...5 {
      for k in 1...n {
        #expect(plan.jobs(shard: k, of: n).map(Place.init) == expected.filter { $0.index % n == k - 1 })
      }
    }
  }

  @Test func recordsArriveInOrderBeforeTheLaterBatchesRun() throws {
    let jobs = Array(repeating: plan.jobs, count: 15).joined().enumerated().map { offset, job in
      var copy = job
      copy.index = offset
      return copy
    }
    let done = HighestCount()
    var doneAtDelivery: [Int] = []
    var delivered: [Int] = []
    try BenchRunner.stream(
      count: jobs.count, job: { jobs[$0] }, evaluations: 20,
      progress: { count, _ in done.note(count) }
    ) { record in
      delivered.append(record.index)
      doneAtDelivery.append(done.value)
      return true
    }
    #expect(delivered == Array(0..<jobs.count))
    // The first record comes out when at most one batch has run.
    #expect(try #require(doneAtDelivery.first) <= 256)
    #expect(jobs.count > 2 * 256)
  }

  @Test func anAggregateWithoutCurvesSummarisesAsTheRecordsDo() throws {
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    var aggregate = BenchAggregate(keepsCurves: false)
    for record in records { aggregate.add(record) }
    let whole = BenchSummary.summarize(records)
    #expect(whole.allSatisfy { $0.medianCurve.count == BenchRecord.checkpoints(budget: plan.evaluations).count })
    let stripped = whole.map { summary in
      var copy = summary
      copy.medianCurve = []
      copy.lowerQuartileCurve = []
      copy.upperQuartileCurve = []
      return copy
    }
    #expect(aggregate.summaries == stripped)
  }
}

/// The highest job count the runner's progress reported, from any thread.
private final class HighestCount: @unchecked Sendable {
  private let lock = NSLock()
  private var highest = 0

  func note(_ count: Int) { lock.withLock { highest = max(highest, count) } }
  var value: Int { lock.withLock { highest } }
}
