import Engine
import Foundation
import OptimizerCore

/// The figures the scene issue asks for, printed by `optiscope bench --perf`:
/// how long verifying the curated scenes takes, and how large a long
/// recording gets.
public enum SceneBenchmark {
  /// One line of the benchmark's table.
  public struct Figure: Sendable {
    public var name: String
    public var value: String
  }

  /// A recording of `steps` steps on Rosenbrock with three cheap runs and a
  /// learning-rate change every `changeEvery` steps, as the visualizer would
  /// save it (with checksums).
  public static func longRecording(steps: Int, changeEvery: Int) throws(SceneError) -> Scene {
    let base = Scene(
      title: "A long recording", landscape: .named("rosenbrock"), seed: 1,
      runs: [
        RunSetup(OptimizerConfiguration("adam"), start: [-1.5, 2]),
        RunSetup(OptimizerConfiguration("random-search")),
        RunSetup(OptimizerConfiguration("adaptive-order-walk")),
      ],
      steps: 0)
    var player = try ScenePlayer(scene: base, recording: true, logsProbes: false)
    var lr = 0.01
    while player.session.step < steps {
      try player.stepForward()
      if player.session.step % changeEvery == 0, player.session.step < steps {
        lr *= 0.97
        do { try player.record(.setHyperparameter(run: 0, name: "lr", value: lr)) } catch {
          throw SceneError("the benchmark's change failed: \(error)")
        }
      }
    }
    return try SceneChecksums.recorded(for: player.recording)
  }

  /// Verifies every scene of `scenes` and the long recording; each figure
  /// is a wall-clock time or a size.
  public static func run(scenes: [SceneSource]) throws(SceneError) -> [Figure] {
    var figures: [Figure] = []
    let clock = ContinuousClock()
    var failures: [String] = []
    var start = clock.now
    for source in scenes {
      let verification = try SceneChecksums.verify(try source.load())
      if !verification.passed { failures.append(source.label) }
    }
    figures.append(Figure(name: "verify \(scenes.count) curated scenes", value: format(clock.now - start)))
    if !failures.isEmpty { figures.append(Figure(name: "scenes that did not verify", value: failures.joined(separator: ", "))) }
    start = clock.now
    let scene = try longRecording(steps: 100_000, changeEvery: 1000)
    figures.append(Figure(name: "record 100 000 steps (3 runs, 99 changes)", value: format(clock.now - start)))
    let bytes = SceneWriter.write(scene).utf8.count
    figures.append(Figure(name: "its scene file", value: String(format: "%.1f KB", Double(bytes) / 1000)))
    start = clock.now
    _ = try SceneChecksums.verify(scene)
    figures.append(Figure(name: "verify it", value: format(clock.now - start)))
    return figures
  }

  private static func format(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return String(format: "%.2f s", seconds)
  }
}
