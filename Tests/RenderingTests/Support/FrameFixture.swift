#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Landscapes
import OptimizerCore
import Rendering
import ViewModel

/// A frame's content made by hand, without the engine: Rosenbrock with an
/// annealing walker and a small swarm, each with a history, readouts,
/// overlays, events and hyperparameters, so that every panel has something
/// to show.
enum FrameFixture {
  static let landscape = LandscapeInfo(
    objective: rosenbrock, identity: "rosenbrock", title: "Rosenbrock", domain: Domain(axes: [Axis(-2, 2), Axis(-1, 3)]),
    knownMinimum: KnownMinimum(value: 0, minimizers: [[1, 1]]))

  static var content: FrameContent {
    var walkTrail = Trail(length: 8)
    var walkPath: [Vector] = []
    for k in 0..<12 {
      let p: Vector = [-1.6 + 0.12 * Double(k), 2.6 - 0.2 * Double(k)]
      walkPath.append(p)
      walkTrail.record([Particle(position: p)])
    }
    let walkParameters = Hyperparameters(
      [
        HyperparameterSpec("step", symbol: "η", default: 0.05, range: 1e-4...1, scale: .log, help: "step size"),
        HyperparameterSpec("temperature", symbol: "T₀", default: 1, range: 1e-3...100, scale: .log, help: "initial temperature"),
        HyperparameterSpec("cooling", symbol: "α", default: 0.95, range: 0.5...0.9999, help: "cooling factor"),
        .integer("coolEvery", symbol: "n", default: 20, range: 1...1000, help: "steps between coolings"),
      ], width: 1, dimension: 2)
    let walk = RunView(
      id: 0,
      layer: RunLayer(
        name: "annealing", style: .forIndex(0), particles: [Particle(position: walkPath.last!)],
        best: Point(position: walkPath[9], loss: 0.5), probes: [Point(position: [0.1, 0.6], loss: 1)], trail: walkTrail,
        events: [StepEvent(.reject, at: [0.1, 0.6], from: walkPath.last!)],
        inspection: Inspection(readouts: [
          Readout("temperature", symbol: "T", value: 0.35, gauge: 1e-3...1, logarithmic: true),
          Readout("acceptance", symbol: "p", value: 0.42, gauge: 0...1),
        ])),
      optimizerName: "simulated-annealing", steps: 12, evaluations: 12, bestLoss: 0.5, hyperparameters: walkParameters,
      historyEvaluations: Array(1...12), historyBestLosses: (1...12).map { 400 / Double($0 * $0) + 0.5 },
      eventCounts: [.accept: 7, .reject: 5], trajectory: walkPath)

    let swarmPositions: [Vector] = (0..<20).map { i in
      let a = Double(i) * 0.7
      return [0.8 + 0.5 * cos(a) * Double(i % 5) / 4, 1.6 + 0.5 * sin(a) * Double(i % 7) / 6]
    }
    var swarmTrail = Trail(length: 8)
    for k in 0..<4 { swarmTrail.record(swarmPositions.map { Particle(position: $0 + [0.05 * Double(3 - k), 0.05]) }) }
    let swarmParameters = Hyperparameters(
      [
        .integer("particles", symbol: "N", default: 20, range: 2...500, help: "swarm size"),
        HyperparameterSpec("inertia", symbol: "ω", default: 0.729, range: 0...1.2, help: "inertia"),
        HyperparameterSpec("cognitive", symbol: "c₁", default: 1.494, range: 0...4, help: "pull to personal best"),
      ], width: 1, dimension: 2)
    let swarm = RunView(
      id: 1,
      layer: RunLayer(
        name: "pso", style: .forIndex(1), particles: swarmPositions.map { Particle(position: $0) },
        best: Point(position: [0.9, 0.8], loss: 0.02), trail: swarmTrail,
        inspection: Inspection(overlays: [
          .arrow(from: swarmPositions[3], to: swarmPositions[3] + [0.4, 0.2], role: .velocity),
          .mark(at: [0.9, 0.8], role: .best),
        ])),
      optimizerName: "pso", steps: 12, evaluations: 240, bestLoss: 0.02, hyperparameters: swarmParameters,
      historyEvaluations: (1...12).map { $0 * 20 }, historyBestLosses: (1...12).map { 50 / Double($0 * $0 * $0) + 0.02 },
      trajectory: [[0.2, 2.2], [0.5, 1.5], [0.9, 0.8]])
    return FrameContent(landscape: landscape, runs: [walk, swarm], step: 12)
  }

  static let keys = [
    KeyHelp(section: "Run", keys: "space", description: "pause or resume"),
    KeyHelp(section: "Run", keys: ".  ,", description: "step forward, back"),
    KeyHelp(section: "View", keys: "+ -", description: "zoom in, out"),
    KeyHelp(section: "View", keys: "c", description: "next colour map"),
  ]

  static let view = MapView(scale: .log, contours: 6)

  static let chrome = FrameChrome(
    selectedRun: 0, selectedParameter: 1, mode: "paused", statusFacts: ["×1"],
    hints: [.init("space", "run"), .init("?", "help"), .init("q", "quit")])
}
