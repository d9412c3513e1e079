import Foundation
import OptimizerCore

/// What step-back costs a big swarm: the time of one step back (a keyframe
/// restored and the steps since played again), and the history's memory
/// after many steps against its bound.
public enum HistoryBenchmark {
  public struct Figure: Sendable {
    public var name: String
    public var value: String
  }

  /// A PSO swarm of `particles` on 2-D Rastrigin, `steps` steps forward,
  /// then `back` steps back, each timed.
  public static func run(particles: Int = 10_000, steps: Int = 10_000, back: Int = 64) -> [Figure] {
    let swarm = RunSetup(OptimizerConfiguration("pso", settings: [("particles", Double(particles))]))
    var session = try! Session(landscape: .named("rastrigin"), runs: [swarm], seed: 1, historyDepth: 1000)
    let clock = ContinuousClock()
    let forward = clock.measure { for _ in 0..<steps { session.stepForward() } }
    let bytes = session.historyBytes
    let kept = session.stepsBack
    var times: [Double] = []
    for _ in 0..<min(back, kept) {
      let elapsed = clock.measure { session.stepBack() }
      times.append(milliseconds(elapsed))
    }
    times.sort()
    let name = "history/pso-\(particles)"
    return [
      Figure(name: "\(name)/step-forward ms", value: formatNumber(milliseconds(forward) / Double(steps), significantDigits: 3)),
      Figure(name: "\(name)/bytes after \(steps) steps", value: "\(bytes / (1 << 20)) MB of \(session.historyByteBudget / (1 << 20)) MB, \(kept) steps back"),
      Figure(name: "\(name)/step-back median ms", value: formatNumber(times.isEmpty ? 0 : times[times.count / 2], significantDigits: 3)),
      Figure(name: "\(name)/step-back worst ms", value: formatNumber(times.last ?? 0, significantDigits: 3)),
    ]
  }

  private static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) * 1e-15
  }
}
