import OptimizerCore

extension Command {
  /// The change in a few words, as the status line says it when the change
  /// is made undone ("run 2: lr = 0.05"); runs by number, from 1.
  public var summary: String {
    switch self {
    case .setHyperparameter(let run, let name, let value):
      return "run \(run + 1): \(name) = \(formatNumber(value))"
    case .swapOptimizer(let run, let configuration):
      return "run \(run + 1): swap to \(configuration.kind.displayName)"
    case .addRun(let setup):
      return "add a run of \(setup.configuration.kind.displayName)"
    case .removeRun(let run):
      return "remove run \(run + 1)"
    case .moveStart(let run, let point):
      return "run \(run + 1): restart from \(point)"
    case .dropParticle(let run, let point):
      return "run \(run + 1): drop a particle at \(point)"
    case .setLandscape(let source):
      switch source.function {
      case .named(let name): return "landscape \(name)"
      case .expression(let text): return "landscape f(x, y) = \(QuotedLine.excerpt(text.escapingControlCharacters()))"
      case .command(let command, _): return "landscape from '\(QuotedLine.excerpt(command.escapingControlCharacters()))'"
      }
    case .setNoise(let sigma):
      return "noise σ = \(formatNumber(sigma))"
    case .reset(let seed):
      return seed.map { "reset with seed \($0)" } ?? "reset"
    }
  }
}
