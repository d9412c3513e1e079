import Landscapes
import OptimizerCore

/// Speed figures for the optimizer core and the engine: evaluations per
/// second of fixed workloads, in the build the command runs in (release for
/// meaningful numbers).
public enum PerformanceBenchmark {
  /// One measured workload.
  public struct Case: Sendable {
    public var name: String
    public var summary: String
    /// Runs the workload for about `evaluations` evaluations and returns how
    /// many it did.
    let workload: @Sendable (_ evaluations: Int) -> Int
  }

  /// One measurement.
  public struct Result: Sendable {
    public var name: String
    public var summary: String
    public var evaluations: Int
    public var seconds: Double
    public var evaluationsPerSecond: Double { Double(evaluations) / seconds }
  }

  /// The standard cases.
  public static let cases: [Case] = [
    Case(
      name: "pso-50/rastrigin/core",
      summary: "particle swarm, 50 particles, 2-D Rastrigin, optimizer and evaluator only",
      workload: { budget in coreLoop(optimizer: "pso", settings: [("particles", 50)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "pso-50/rastrigin/engine",
      summary: "the engine's full step (probes logged, 1000-step history), same swarm",
      workload: { budget in engineLoop(optimizer: "pso", settings: [("particles", 50)], landscape: "rastrigin", budget: budget) }),
    // The engine's step as the swarm grows: evaluations per second stay
    // level when the step is linear in the particles.
    Case(
      name: "engine/pso-100",
      summary: "the engine's full step, 100 particles, 2-D Rastrigin (history kept)",
      workload: { budget in engineLoop(optimizer: "pso", settings: [("particles", 100)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "engine/pso-1000",
      summary: "the same, 1000 particles",
      workload: { budget in engineLoop(optimizer: "pso", settings: [("particles", 1000)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "engine/pso-10000",
      summary: "the same, 10 000 particles (a keyframe every 31 steps)",
      workload: { budget in engineLoop(optimizer: "pso", settings: [("particles", 10_000)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "core/pso-10000",
      summary: "10 000 particles, optimizer and evaluator only: the engine/core ratio's base",
      workload: { budget in coreLoop(optimizer: "pso", settings: [("particles", 10_000)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "random-search/rastrigin/core",
      summary: "random search, 2-D Rastrigin: the evaluator's own overhead",
      workload: { budget in coreLoop(optimizer: "random-search", settings: [("batch", 100)], landscape: "rastrigin", budget: budget) }),
    Case(
      name: "random-search/expression/core",
      summary: "random search on Rosenbrock typed as an expression: the compiled expression's speed",
      workload: { budget in
        coreLoop(
          optimizer: "random-search", settings: [("batch", 100)],
          source: .expression("(1 - x)^2 + 100*(y - x^2)^2"), budget: budget)
      }),
  ]

  /// The cases whose name contains one of the filters (all when empty).
  public static func cases(matching filters: [String]) -> [Case] {
    filters.isEmpty ? cases : cases.filter { c in filters.contains { c.name.contains($0) } }
  }

  /// Runs each case once for about `evaluations` evaluations after a short
  /// warm-up; `progress` is told each case's name before it runs.
  public static func measure(
    _ cases: [Case] = cases, evaluations: Int, progress: (String) -> Void = { _ in }
  ) -> [Result] {
    cases.map { benchmark in
      progress(benchmark.name)
      _ = benchmark.workload(max(1000, evaluations / 20))
      let clock = ContinuousClock()
      var done = 0
      let elapsed = clock.measure { done = benchmark.workload(evaluations) }
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      return Result(name: benchmark.name, summary: benchmark.summary, evaluations: done, seconds: seconds)
    }
  }

  /// The optimizer stepping on a bare evaluator, no probe log.
  static func coreLoop(
    optimizer name: String, settings: [(String, Double)], landscape: String = "", source: LandscapeSource? = nil,
    budget: Int
  ) -> Int {
    let surface = try! (source ?? .named(landscape)).make()
    var rng = SeededGenerator(seed: 1)
    let start = Particle(position: surface.domain.randomPoint(using: &rng))
    var optimizer = try! OptimizerRegistry.make(
      OptimizerConfiguration(name, settings: settings), adopting: [start],
      context: StepContext(domain: surface.domain), rng: &rng)
    var evaluator = Evaluator(objective: surface, domain: surface.domain, logsProbes: false)
    while evaluator.evaluations < budget { optimizer.step(&evaluator, rng: &rng) }
    return evaluator.evaluations
  }

  /// The same through `Session.stepForward`, as the visualizer drives it.
  static func engineLoop(
    optimizer name: String, settings: [(String, Double)], landscape: String, budget: Int
  ) -> Int {
    var session = try! Session(
      landscape: .named(landscape), runs: [RunSetup(OptimizerConfiguration(name, settings: settings))],
      seed: 1, budget: .evaluations(budget), historyDepth: 1000, logsProbes: true)
    while !session.isFinished { session.stepForward() }
    return session.runs[0].evaluations
  }
}
