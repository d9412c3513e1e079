import Engine
import OptimizerCore

/// One update taken apart (`u`, or a breakpoint's `then substeps`): the
/// next iteration of one run, computed on copies (`Run.stagesOfNextStep`),
/// walked stage by stage. The session does not move while it is open; any
/// change to the session closes it.
public struct SubstepMode: Sendable, Hashable {
  /// The run taken apart, by id.
  public var runID: Int
  /// The population member followed (PSO's stages are one particle's).
  public var particle: Int
  public var stages: [InspectionStage]
  /// The stage shown, 0-based.
  public var index: Int

  public var stage: InspectionStage { stages[index] }
}

extension AppState {
  /// Opens the sub-step mode on run `id` (the selected run when nil) at
  /// its first stage, pausing; an optimizer without stages gets
  /// evaluation stepping (`E`) instead. False when nothing opened.
  @discardableResult
  mutating func openSubsteps(run id: Int? = nil, at index: Int = 0) -> Bool {
    guard let run = id.flatMap({ session.run($0) }) ?? self.run else { return false }
    isRunning = false
    // The stages start from the session as it is, not from an iteration
    // being revealed one evaluation at a time.
    stepping.showWhole()
    let particle = run.id == substeps?.runID ? substeps!.particle : selectedParticle
    let count = max(run.optimizer.particles.count, 1)
    let followed = min(max(particle, 0), count - 1)
    let stages = run.stagesOfNextStep(particle: followed)
    guard !stages.isEmpty else {
      substeps = nil
      stepping.isOn = true
      stepping.showWhole()
      message = StatusMessage(
        "\(run.optimizer.kind.displayName) does not take its steps apart; stepping by evaluation instead (E)")
      return false
    }
    substeps = SubstepMode(runID: run.id, particle: followed, stages: stages, index: min(max(index, 0), stages.count - 1))
    return true
  }

  /// The next stage; past the last, the step is taken and the next one
  /// taken apart.
  mutating func nextStage() {
    guard let mode = substeps else { return }
    if mode.index + 1 < mode.stages.count {
      substeps?.index += 1
      return
    }
    substeps = nil
    if stepForward() { openSubsteps(run: mode.runID) }
  }

  /// The previous stage (the first stays).
  mutating func previousStage() {
    guard let index = substeps?.index, index > 0 else { return }
    substeps?.index = index - 1
  }

  /// Follows another particle of the population, at the same stage.
  mutating func followParticle(offset: Int) {
    guard let mode = substeps, let run = session.run(mode.runID) else { return }
    let count = max(run.optimizer.particles.count, 1)
    substeps?.particle = ((mode.particle + offset) % count + count) % count
    openSubsteps(run: mode.runID, at: mode.index)
  }
}
