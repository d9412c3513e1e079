import Foundation
import Scenes

/// Scene files for the command-line tests, each in a folder of its own
/// that goes away with the value's `remove()`.
struct SceneFiles {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-scenes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Writes `text` as `name` in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  /// Simulated annealing, a swarm and Adam on Rastrigin: a hyperparameter
  /// change at step 30, a reset with a new seed at 60, then 80 more steps.
  /// No checksums; a comment the author wrote.
  static let annealing = """
    version: 1
    title: "Annealing beside a swarm"
    description: |-
      The temperature falls while the swarm closes in.
    # the author's comment, which --record keeps
    landscape:
      function: rastrigin
    seed: 7
    budget: unlimited
    steps: 80
    runs:
      - optimizer: simulated-annealing
        start: [3, 3]
      - optimizer: pso   # the swarm
      - optimizer: adam
        settings: {lr: 0.05}
        start: [-2, 2]
    view:
      colour-map: magma
      scale: log
      contours: 4
    events:
      - {step: 30, set: {run: 2, parameter: lr, value: 0.1}}
      - {step: 60, reset: {seed: 9}}

    """

  /// Iterations `annealing` plays: 60 before its reset, 80 after.
  static let annealingIterations = 140

  /// A short scene on Himmelblau with two runs.
  static let himmelblau = """
    version: 1
    title: Two runs on Himmelblau
    landscape: {function: himmelblau}
    seed: 3
    steps: 25
    runs:
      - {optimizer: nelder-mead, start: [0, 0]}
      - {optimizer: spsa, start: [-1, 1]}

    """

  /// A scene with an unknown optimizer on its eighth line, column 16.
  static let unknownOptimizer = """
    version: 1
    title: Broken
    landscape:
      function: rosenbrock
    seed: 1
    steps: 10
    runs:
      - optimizer: adma

    """
}
