import Engine
import OptimizerCore
import Testing

/// Budgets in steps or evaluations; a race by evaluations is fair.
@Suite struct BudgetTests {
  @Test func aStepBudgetStopsEveryRunAtThatStep() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("pso")), RunSetup(OptimizerConfiguration("adam"))],
      seed: 1, budget: .steps(25))
    while !session.isFinished { session.stepForward() }
    #expect(session.runs.map(\.steps) == [25, 25])
    #expect(session.step == 25)
  }

  @Test func anEvaluationBudgetStopsEachRunOnceSpent() throws {
    var session = try Session(
      landscape: .named("sphere"),
      runs: [RunSetup(OptimizerConfiguration("pso")), RunSetup(OptimizerConfiguration("spsa"))],
      seed: 1, budget: .evaluations(400))
    while !session.isFinished { session.stepForward() }
    let pso = session.runs[0], spsa = session.runs[1]
    #expect(pso.evaluations >= 400 && pso.evaluations < 400 + 20 + 10)
    #expect(spsa.evaluations >= 400 && spsa.evaluations <= 402)
    #expect(spsa.steps > pso.steps * 5, "the cheaper optimizer takes more steps in a fair race")
  }

  @Test func theTraceRecordsBestLossAgainstEvaluations() throws {
    var session = try Session(
      landscape: .named("sphere"), runs: [RunSetup(OptimizerConfiguration("random-search"))], seed: 1,
      budget: .steps(50))
    while !session.isFinished { session.stepForward() }
    let trace = try #require(session.traces[0])
    #expect(trace.count == 50)
    #expect(zip(trace.bestLosses, trace.bestLosses.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(trace.evaluations.last == session.runs[0].spent)
  }
}
