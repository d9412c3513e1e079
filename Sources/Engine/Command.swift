import OptimizerCore

/// A live change to a session: what the user does in the UI, what a scene
/// records as an event, and what a replay applies at its step.
///
/// Runs are named by id, not by position, so that a recorded command still
/// means the same run after another run was removed.
public enum Command: Sendable, Hashable {
  /// Set a hyperparameter of a run's optimizer; its state is kept.
  case setHyperparameter(run: Int, name: String, value: Double)
  /// Swap a run's optimizer; the new one adopts the old one's particles.
  case swapOptimizer(run: Int, OptimizerConfiguration)
  /// Add a run.
  case addRun(RunSetup)
  /// Remove a run.
  case removeRun(Int)
  /// Restart a run from a new start point.
  case moveStart(run: Int, to: Vector)
  /// Add a particle at a point to a run's optimizer (it adopts the enlarged
  /// set of particles).
  case dropParticle(run: Int, at: Vector)
  /// Replace the landscape; every run restarts on it.
  case setLandscape(LandscapeSource)
  /// Change σ of the additive evaluation noise.
  case setNoise(Double)
  /// Rebuild every run from its setup at step 0; a new seed if given.
  case reset(seed: UInt64?)
}
