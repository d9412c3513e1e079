import Foundation
import Engine
import OptimizerCore
import Testing
import Exports

/// The comparison bench: plans, shards, records, summaries.
@Suite struct BenchTests {
  let plan = BenchPlan(
    optimizers: [("pso", OptimizerConfiguration("pso")), ("random-search", OptimizerConfiguration("random-search"))],
    landscapes: [.named("sphere"), .named("booth"), .named("rastrigin")], seeds: 5, evaluations: 300)

  @Test func shardsPartitionThePlanExactly() {
    let all = plan.jobs
    #expect(all.count == 2 * 3 * 5)
    let shards = (1...4).map { plan.jobs(shard: $0, of: 4) }
    #expect(shards.flatMap { $0 }.map(\.index).sorted() == all.map(\.index))
    #expect(shards.map(\.count).max()! - shards.map(\.count).min()! <= 1)
  }

  @Test func everyOptimizerStartsFromTheSamePointForASeed() throws {
    let jobs = plan.jobs.filter { $0.landscape == .named("booth") && $0.seed == 3 }
    let starts = try jobs.map { job in
      try Session(landscape: job.landscape, runs: [RunSetup(job.optimizer)], seed: job.seed).runs[0].start
    }
    #expect(Set(starts).count == 1)
    #expect(starts[0] != [0, 0])
  }

  @Test func recordsRoundTripThroughCSV() throws {
    let records = try BenchRunner.run(Array(plan.jobs.prefix(6)), evaluations: plan.evaluations)
    let text = BenchRecordCSV.write(records)
    let read = try BenchRecordCSV.read(text, file: "parts.csv")
    #expect(read.count == records.count)
    for (a, b) in zip(read, records) {
      #expect(a.index == b.index && a.optimizer == b.optimizer && a.seed == b.seed)
      #expect(a.bestLoss == b.bestLoss && a.curve == b.curve && a.evaluationsToSuccess == b.evaluationsToSuccess)
    }
  }

  @Test func aBrokenCSVNamesTheLine() {
    let text = BenchRecordCSV.header.joined(separator: ",") + "\n0,pso,sphere,1,300,300,abc,0,,,0.1,\n"
    #expect {
      try BenchRecordCSV.read(text, file: "bad.csv")
    } throws: { error in
      "\(error)".hasPrefix("bad.csv:2:") && "\(error)".contains("abc")
    }
  }

  @Test func theRunnerIsDeterministicAcrossThreads() throws {
    let first = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    let second = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    #expect(first.map(\.bestLoss) == second.map(\.bestLoss))
    #expect(first.map(\.index) == plan.jobs.map(\.index))
  }

  @Test func successFollowsTheTolerance() throws {
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    for record in records {
      let gap = try #require(record.gap)
      #expect(record.succeeded == (gap <= BenchRecord.tolerance(for: record.minimum!)))
      if let hit = record.evaluationsToSuccess { #expect(hit <= record.evaluations) }
    }
    let summaries = BenchSummary.summarize(records)
    #expect(summaries.count == 6)
    let psoSphere = try #require(summaries.first { $0.optimizer == "pso" && $0.landscape == "sphere" })
    #expect(psoSphere.runs == 5)
    #expect(psoSphere.medianCurve.count == BenchRecord.checkpoints(budget: 300).count)
  }

  @Test func quantilesInterpolate() {
    #expect(quantile([4, 1, 3, 2], 0.5) == 2.5)
    #expect(quantile([1, 2, 3, 4, 5], 0.25) == 2)
    #expect(quantile([7], 0.75) == 7)
  }

  @Test func checkpointsEndAtTheBudgetAndRise() {
    let points = BenchRecord.checkpoints(budget: 2000)
    #expect(points.first == 10 && points.last == 2000)
    #expect(zip(points, points.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func thePlotHasAPanelPerLandscapeAndACurvePerOptimizer() throws {
    let records = try BenchRunner.run(plan.jobs, evaluations: plan.evaluations)
    let svg = ConvergencePlot.svg(BenchSummary.summarize(records), budget: plan.evaluations)
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 6)
    for name in ["sphere", "booth", "rastrigin"] { #expect(svg.contains(">\(name)</text>")) }
  }
}
