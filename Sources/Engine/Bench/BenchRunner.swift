import Dispatch
import Foundation
import Landscapes
import OptimizerCore

/// Runs a bench plan's jobs on every core and collects their records.
public enum BenchRunner {
  /// Runs one job: a session with one run, no history, no probe log, until
  /// its evaluation budget is spent. The start is drawn from the seed (the
  /// same for every optimizer on a landscape), never the domain's centre.
  public static func run(_ job: BenchPlan.Job, evaluations budget: Int) throws(SessionError) -> BenchRecord {
    var session = try Session(
      landscape: job.landscape, runs: [RunSetup(job.optimizer)], seed: job.seed,
      budget: .evaluations(budget), historyDepth: 0, logsProbes: false)
    let minimum = session.landscape.knownMinimum?.value
    let clock = ContinuousClock()
    let elapsed = clock.measure { while !session.isFinished { session.stepForward() } }
    session.externalTapes.endAll()
    let run = session.runs[0]
    if let failure = run.optimizer.failure {
      throw .optimizerStopped(run: run.id, "\(job.optimizerLabel) on \(session.landscape.name), seed \(job.seed): \(failure)")
    }
    let trace = session.traces[run.id] ?? Trace()

    var evaluationsToSuccess: Int?
    if let minimum {
      let tolerance = BenchRecord.tolerance(for: minimum)
      if let hit = trace.bestLosses.firstIndex(where: { $0 - minimum <= tolerance }) {
        evaluationsToSuccess = trace.evaluations[hit]
      }
    }
    let reference = minimum ?? 0
    var curve: [Double] = []
    var cursor = 0
    for checkpoint in BenchRecord.checkpoints(budget: budget) {
      while cursor + 1 < trace.count && trace.evaluations[cursor + 1] <= checkpoint { cursor += 1 }
      let loss = trace.count > 0 && trace.evaluations[cursor] <= checkpoint ? trace.bestLosses[cursor] : .infinity
      curve.append(loss - reference)
    }
    return BenchRecord(
      index: job.index, optimizer: job.optimizerLabel, landscape: session.landscape.name, seed: job.seed,
      budget: budget, evaluations: run.evaluations, bestLoss: run.best?.loss ?? .infinity, minimum: minimum,
      evaluationsToSuccess: evaluationsToSuccess,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      curve: curve, sweep: job.sweep)
  }

  /// Runs every job on every core; `progress(done, total)` is called after
  /// each job from a worker thread, serialised. Records come back in job order.
  public static func run(
    _ jobs: [BenchPlan.Job], evaluations: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
  ) throws(SessionError) -> [BenchRecord] {
    var records: [BenchRecord] = []
    try stream(count: jobs.count, job: { jobs[$0] }, evaluations: evaluations, progress: progress) {
      records.append($0)
      return true
    }
    return records
  }

  /// How many jobs run at once between deliveries: enough to keep every
  /// core busy, few enough that the records waiting take little memory.
  static let batchSize = 256

  /// Runs the jobs `job(0)`, …, `job(count - 1)` on every core, a batch at
  /// a time, and hands each record to `deliver` in that order, so that
  /// memory does not grow with the number of jobs. `progress(done, total)`
  /// is called after each job from a worker thread, serialised. Stops at
  /// the first failing job in that order, or when `deliver` returns false
  /// (the records cannot go anywhere: a write failed).
  public static func stream(
    count: Int, job: @escaping @Sendable (Int) -> BenchPlan.Job, evaluations: Int,
    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
    deliver: (BenchRecord) -> Bool
  ) throws(SessionError) {
    let counter = ProgressCounter(total: count, report: progress)
    for batch in stride(from: 0, to: count, by: batchSize) {
      let size = min(batchSize, count - batch)
      let results = ResultBox(count: size)
      DispatchQueue.concurrentPerform(iterations: size) { i in
        let outcome = Result { () throws(SessionError) -> BenchRecord in
          try run(job(batch + i), evaluations: evaluations)
        }
        results.store(outcome, at: i)
        counter.oneDone()
      }
      for record in try results.records() where !deliver(record) { return }
    }
  }

  /// Where the worker threads put a batch's results.
  private final class ResultBox: @unchecked Sendable {
    private var outcomes: [Result<BenchRecord, SessionError>?]
    private let lock = NSLock()

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func store(_ outcome: Result<BenchRecord, SessionError>, at index: Int) {
      lock.withLock { outcomes[index] = outcome }
    }

    func records() throws(SessionError) -> [BenchRecord] {
      var records: [BenchRecord] = []
      for outcome in outcomes {
        switch outcome! {
        case .success(let record): records.append(record)
        case .failure(let error): throw error
        }
      }
      return records
    }
  }

  /// Counts the jobs done across batches and threads for the progress report.
  private final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void
    private var done = 0
    private let lock = NSLock()

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
      self.total = total
      self.report = report
    }

    func oneDone() {
      lock.withLock {
        done += 1
        report(done, total)
      }
    }
  }
}
