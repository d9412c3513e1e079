extension OptimizerRegistry {
  /// Every optimizer users can name, in the order `optiscope list` shows
  /// them: by family, in `OptimizerFamily.allCases` order.
  public static let entries: [OptimizerEntry] = [
    DescentOptimizer.entry(
      name: "descent", summary: "gradient descent from parts: pick a gradient source, an update rule, guards",
      defaultParts: DescentParts(gradient: "analytic", update: "sgd")
    ).askingForParts(),
    DescentOptimizer.entry(
      name: "gd", summary: "gradient descent with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "sgd")),
    DescentOptimizer.entry(
      name: "adam", summary: "Adam with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "adam")),
    DescentOptimizer.entry(
      name: "momentum", summary: "heavy-ball momentum with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "momentum")),
    DescentOptimizer.entry(
      name: "nesterov", summary: "Nesterov's look-ahead momentum with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "nesterov")),
    DescentOptimizer.entry(
      name: "sign", summary: "sign descent, decaying steps of η/√k per axis, with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "sign")),
    DescentOptimizer.entry(
      name: "rmsprop", summary: "RMSProp with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "rmsprop")),
    DescentOptimizer.entry(
      name: "adagrad", summary: "AdaGrad with the analytic gradient",
      defaultParts: DescentParts(gradient: "analytic", update: "adagrad")),
    DescentOptimizer.entry(
      name: "randomgrad", summary: "RandomGrad: SGD along the sign of one random probe",
      defaultParts: DescentParts(gradient: "randomgrad", update: "sgd")),
    DescentOptimizer.entry(
      name: "randombestgrad", summary: "RandomBestGrad: SGD along the best of k random probes",
      defaultParts: DescentParts(gradient: "randombestgrad", update: "sgd")),
    DescentOptimizer.entry(
      name: "spsa", summary: "SPSA: SGD on simultaneous-perturbation gradient estimates",
      defaultParts: DescentParts(gradient: "spsa", update: "sgd"), defaults: SimultaneousPerturbation.presetDefaults),
    DescentOptimizer.entry(
      name: "adamspsa", summary: "AdamSPSA: Adam moments with decaying gains on SPSA estimates",
      defaultParts: DescentParts(gradient: "spsa", update: "adam-spsa"), defaults: SimultaneousPerturbation.presetDefaults),
    DescentOptimizer.entry(
      name: "spsa2", summary: "2-SPSA: Newton steps on SPSA gradient and Hessian estimates, with blocking",
      defaultParts: DescentParts(gradient: "spsa2", update: "sgd", guards: ["blocking"])),
    DescentOptimizer.entry(
      name: "guided-es", summary: "guided ES: SGD on antithetic pairs leaning toward the last estimates' span",
      defaultParts: DescentParts(gradient: "guided-es", update: "sgd")),
    DescentOptimizer.entry(
      name: "ensemble", summary: "SGD on the particle-difference gradient of J probes around x",
      defaultParts: DescentParts(gradient: "ensemble", update: "sgd")),
    .described(NthOrderWalk.self),
    .described(AdaptiveOrderWalk.self),
    .described(ConvexOrderWalk.self),
    .described(StochasticThreePoints.self),
    .described(SimulatedAnnealing.self),
    .described(ThresholdAccepting.self),
    .described(RandomSearch.self),
    .described(AcceleratedRandomSearch.self),
    .described(ParticleSwarm.self),
    ParticleSwarm.averagedEntry,
    .described(AdaSwarm.self),
    .described(EnsembleKalmanInversion.self),
    GravitySwarm.entry,
    .described(EvolutionStrategy.self),
    .described(CMAEvolutionStrategy.self),
    .described(ExponentialNES.self),
    .described(SeparableNES.self),
    .described(OptimizerEvolution.self),
    .described(NelderMead.self),
  ]
}
