import Engine
import OptimizerCore
import Testing

/// A session that keeps no traces (headless `run`, checksums, breakpoints)
/// holds nothing per step, and its runs are bit for bit those of a session
/// that keeps them.
@Suite struct TraceKeepingTests {
  private func session(keepsTraces: Bool) throws -> Session {
    var session = try Session(
      landscape: .named("rastrigin"),
      runs: [RunSetup(OptimizerConfiguration("pso")), RunSetup(OptimizerConfiguration("simulated-annealing"))],
      seed: 11, noise: 0.01, budget: .steps(200), historyDepth: 0, keepsTraces: keepsTraces)
    while !session.isFinished { session.stepForward() }
    return session
  }

  @Test func withoutTracesNothingGrowsPerStep() throws {
    let session = try session(keepsTraces: false)
    #expect(session.traces.values.allSatisfy { $0.isEmpty })
    let kept = try self.session(keepsTraces: true)
    #expect(kept.traces.values.map(\.count) == [200, 200])
  }

  @Test func keepingTracesChangesNoRun() throws {
    let kept = try session(keepsTraces: true), bare = try session(keepsTraces: false)
    for (a, b) in zip(kept.runs, bare.runs) {
      #expect(a.best?.loss.bitPattern == b.best?.loss.bitPattern)
      #expect(a.best?.position == b.best?.position)
      #expect(a.evaluations == b.evaluations && a.spent == b.spent)
    }
  }
}
