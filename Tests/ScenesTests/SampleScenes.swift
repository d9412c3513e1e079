import Engine
import OptimizerCore
import Scenes
import ViewModel

/// Scenes the tests share: one with every kind of event.
enum SampleScenes {
  /// Rosenbrock with three runs and one event of every kind.
  static var everyEvent: Scene {
    Scene(
      title: "Every event: a test scene",
      description: "One event of each kind.\nSecond line: watch nothing.",
      landscape: .named("rosenbrock"), noise: 0, seed: 7,
      runs: [
        RunSetup(OptimizerConfiguration("adam", settings: [("lr", 0.02)]), start: [-1.5, 2]),
        RunSetup(OptimizerConfiguration("pso")),
        RunSetup(
          OptimizerConfiguration(
            "descent", parts: DescentParts(gradient: "spsa", update: "momentum", guards: ["undo"]))),
      ],
      view: MapView(colourMap: .magma, scale: .linear, contours: 4, trails: false),
      budget: .unlimited, steps: 40,
      events: [
        SceneEvent(step: 3, .setHyperparameter(run: 0, name: "lr", value: 0.05)),
        SceneEvent(step: 5, .swapOptimizer(run: 1, OptimizerConfiguration("empso"))),
        SceneEvent(step: 8, .addRun(RunSetup(OptimizerConfiguration("simulated-annealing"), start: [1, 1]))),
        SceneEvent(step: 9, .removeRun(2)),
        SceneEvent(step: 12, .moveStart(run: 0, to: [0.5, -0.5])),
        SceneEvent(step: 12, .dropParticle(run: 1, at: [1.5, 1.5])),
        SceneEvent(step: 15, .setNoise(0.01)),
        SceneEvent(step: 20, .setLandscape(.named("himmelblau"))),
        SceneEvent(step: 6, .reset(seed: 99)),
        SceneEvent(step: 10, .setLandscape(.expression("(x - 1)^2 + abs(y)"))),
      ])
  }
}
