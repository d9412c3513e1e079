import Engine
import Landscapes
import OptimizerCore
import ViewModel

/// Speed figures for the renderer, in the build the command runs in
/// (release for meaningful numbers). The goals: a full 200×60 frame in under
/// 2 ms, a typed expression's heat map at 200×120 pixels in under 5 ms.
public enum RenderingBenchmark {
  /// One measured workload: the median and best of its repetitions.
  public struct Result: Sendable, CustomStringConvertible {
    public var name: String
    public var summary: String
    public var repetitions: Int
    public var medianMilliseconds: Double
    public var bestMilliseconds: Double
    /// The goal it should stay under.
    public var goalMilliseconds: Double

    public var meetsGoal: Bool { medianMilliseconds < goalMilliseconds }

    public var description: String {
      "\(name): median \(formatNumber(medianMilliseconds, significantDigits: 3)) ms, best \(formatNumber(bestMilliseconds, significantDigits: 3)) ms (goal < \(formatNumber(goalMilliseconds)) ms) — \(summary)"
    }
  }

  /// Runs both workloads `repetitions` times each after a warm-up;
  /// `progress` is told each workload's name before it runs.
  public static func run(repetitions: Int = 50, progress: (String) -> Void = { _ in }) throws -> [Result] {
    progress("frame-200x60")
    let frame = try measureFrame(particles: 500, repetitions: repetitions)
    progress("frame-200x60/10000-particles")
    let crowd = try measureFrame(particles: 10_000, repetitions: max(repetitions / 5, 1))
    progress("heat-map-expression-200x120")
    let heatMap = try measureHeatMap(repetitions: repetitions)
    return [frame, crowd, heatMap]
  }

  /// A 200×60 frame of a swarm of `particles` with trails beside a
  /// walker: building the frame's content from the session and composing
  /// every panel, with the heat map already cached. 500 particles should
  /// take 2 ms; 10 000, with the terminal's write, 16 ms (issue 15).
  static func measureFrame(particles: Int, repetitions: Int) throws -> Result {
    var session = try Session(
      landscape: .named("rosenbrock"),
      runs: [
        RunSetup(OptimizerConfiguration("pso", settings: [("particles", Double(particles))])),
        RunSetup(OptimizerConfiguration("simulated-annealing")),
      ],
      seed: 7)
    var recorder = SessionRecorder(trailLength: 12)
    for _ in 0..<20 {
      session.stepForward()
      recorder.record(session)
    }
    var renderer = FrameRenderer()
    let view = MapView(scale: .log, contours: 8, gradientField: true)
    let chrome = FrameChrome(mode: "running", hints: [.init("?", "help")])
    _ = renderer.render(session, recorder: recorder, view: view, chrome: chrome, width: 200, height: 60)
    let times = timings(repetitions) {
      _ = renderer.render(session, recorder: recorder, view: view, chrome: chrome, width: 200, height: 60)
    }
    let name = particles == 500 ? "frame-200x60" : "frame-200x60/\(particles)-particles"
    return result(
      name, summary: "\(particles)-particle swarm with 12-step trails and a walker, every panel, heat map cached",
      times: times, goal: particles == 500 ? 2 : 16)
  }

  /// Sampling and fitting a typed expression's heat map from scratch at
  /// 200×120 pixels (200×60 cells).
  static func measureHeatMap(repetitions: Int) throws -> Result {
    let landscape = try ExpressionLandscape(source: "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)")
    let viewport = Viewport.fitting(landscape.domain, columns: 200, rows: 60)
    let times = timings(repetitions) {
      var map = HeatMap()
      map.update(landscape: landscape, viewport: viewport, columns: 200, rows: 60, scale: .log)
    }
    return result(
      "heat-map-expression-200x120", summary: "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2), sampled and log-scaled", times: times,
      goal: 5)
  }

  private static func timings(_ repetitions: Int, _ work: () -> Void) -> [Double] {
    work()
    let clock = ContinuousClock()
    return (0..<max(repetitions, 1)).map { _ in
      let elapsed = clock.measure(work)
      return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15
    }
  }

  private static func result(_ name: String, summary: String, times: [Double], goal: Double) -> Result {
    let sorted = times.sorted()
    return Result(
      name: name, summary: summary, repetitions: times.count, medianMilliseconds: sorted[sorted.count / 2],
      bestMilliseconds: sorted[0], goalMilliseconds: goal)
  }
}
