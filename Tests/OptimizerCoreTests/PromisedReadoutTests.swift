import OptimizerCore
import Testing

/// Every optimizer's inspection holds the readouts its catalog entry
/// promises (what the screen draws as gauges and breakpoints test).
///
/// Readout names are lowercase words joined by hyphens, so that a breakpoint
/// condition such as `temperature < 0.01` or `ensemble-size >= 12` can name
/// them.
@Suite struct PromisedReadoutTests {
  /// Readouts each registered optimizer must show after a few steps. Every
  /// registered name must appear here, so that a new optimizer cannot skip
  /// its promise.
  static let promised: [String: [String]] = [
    "descent": ["learning-rate", "step", "gradient"],
    "gd": ["learning-rate", "step", "gradient"],
    "adam": ["learning-rate", "step", "gradient"],
    "momentum": ["learning-rate", "step", "gradient", "velocity"],
    "nesterov": ["learning-rate", "step", "gradient", "velocity"],
    "sign": ["learning-rate", "step", "gradient", "step-gain"],
    "rmsprop": ["learning-rate", "step", "gradient"],
    "adagrad": ["learning-rate", "step", "gradient"],
    "randomgrad": ["learning-rate", "step", "gradient", "probe-sign"],
    "randombestgrad": ["learning-rate", "step", "gradient", "improving-probes"],
    "spsa": ["learning-rate", "step", "gradient", "gain", "perturbation"],
    "adamspsa": ["learning-rate", "step", "gradient", "perturbation", "step-gain"],
    "spsa2": ["learning-rate", "step", "gradient", "hessian-estimates", "blocked"],
    "guided-es": ["learning-rate", "step", "gradient", "subspace-size"],
    "nth-order-walk": ["order", "speed"],
    "adaptive-order-walk": ["order", "rejections", "speed"],
    "convex-order-walk": ["order", "improvement-rate", "rejections", "speed"],
    "stp": ["step"],
    "simulated-annealing": ["temperature", "acceptance", "energy-change", "acceptance-probability"],
    "threshold-accepting": ["threshold", "acceptance", "energy-change"],
    "random-search": [],
    "accelerated-random-search": ["radius", "failures"],
    "pso": ["spread", "best"],
    "empso": ["spread", "best"],
    "adaswarm": ["spread", "best", "point", "gradient", "step"],
    "eki": ["ensemble-size", "step-size", "spread"],
    "gravity-swarm": ["members", "deaths"],
    "ensemble": ["learning-rate", "step", "gradient", "ensemble-size"],
    "optimizer-evolution": ["generation", "members", "births", "deaths"],
    "evolution-strategy": ["sigma", "success-rate", "generation"],
    "cma-es": ["sigma", "axis-ratio", "population", "generation", "restarts"],
    "xnes": ["sigma", "axis-ratio", "generation"],
    "snes": ["sigma", "axis-ratio", "generation"],
    "nelder-mead": ["simplex-size", "move", "restarts"],
  ]

  @Test(arguments: OptimizerRegistry.names)
  func inspectionHoldsThePromisedReadouts(optimizer: String) throws {
    let names = try #require(Self.promised[optimizer], "\(optimizer) has no entry in PromisedReadoutTests.promised")
    var trial = try OptimizerTrial(optimizer, on: .sphere, seed: 5)
    for _ in 0..<5 { trial.step() }
    let inspection = trial.optimizer.inspect()
    for name in names {
      #expect(inspection.readout(name) != nil, "\(optimizer) shows no '\(name)' readout")
    }
    for readout in inspection.readouts {
      let wellFormed = readout.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
      #expect(wellFormed, "\(optimizer)'s readout '\(readout.name)' is not lowercase-with-hyphens")
    }
  }
}
