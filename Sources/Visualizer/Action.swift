import OptimizerCore
import Rendering

/// Everything the user can ask of the visualizer, independent of which key
/// or click asked for it. `update(_:_:)` applies an action to the state.
public enum Action: Sendable, Hashable {
  // Running
  case togglePause
  case stepForward
  case stepBack
  case faster
  case slower
  case reset
  case resetWithNewSeed
  /// Step by one evaluation instead of one iteration, or back.
  case toggleEvaluationStepping
  // Scenes and debugging
  /// Save the scene (asks for a file name).
  case save
  /// Ask for a step and go there.
  case openGoToStep
  /// Go that many steps on (positive) or back (negative), pausing.
  case jumpSteps(Int)
  /// Ask for a breakpoint condition.
  case openBreakpointEntry
  case clearBreakpoints
  case toggleInspector
  /// Take the next update apart (or stop doing so).
  case toggleSubsteps
  /// The inspector's next (+1) or previous (−1) particle.
  case selectParticle(offset: Int)
  // Runs
  case selectNextRun
  /// The run of that number (its label's: the first run is 1).
  case selectRun(number: Int)
  case openAddRunPicker
  case removeSelectedRun
  case openSwapPicker
  // Hyperparameters
  case selectPreviousParameter
  case selectNextParameter
  /// One notch down (−1) or up (+1) on the parameter's scale; coarse is ten
  /// notches, a decade (three round values) on a log scale.
  case nudgeParameter(direction: Int, coarse: Bool)
  case editParameter
  case resetParameter
  // Landscape
  case openLandscapePicker
  case editExpression
  case editNoise
  /// Select the landscape's next axis, for `cycleAxisKind`.
  case selectNextAxis
  /// Turn the selected axis continuous → integer → boolean → continuous: a
  /// landscape change, so every run restarts on the new domain.
  case cycleAxisKind
  // View
  /// Pan by a fraction of the view's width and height.
  case pan(dx: Double, dy: Double)
  /// Zoom by a factor (> 1 zooms in), about a point of the landscape or the
  /// view's centre.
  case zoom(factor: Double, about: Vector?)
  case fitDomain
  case setStart(Vector)
  case dropParticle(Vector)
  case cycleColourMap
  case cycleScale
  case toggleTrails
  case toggleProbes
  /// Vectors and overlays: all runs', none, the selected run's.
  case cycleOverlays
  /// Contour lines over the heat map, on or off.
  case toggleContours
  /// The gradient field's downhill arrows, on or off.
  case toggleGradientField
  /// The what-if path of the last hyperparameter change, shown or hidden.
  case toggleWhatIf
  /// The race chart's x-axis: evaluations or steps.
  case toggleRaceAxis
  /// On a landscape of more than two dimensions: the plane's first (or
  /// second) axis moved on by `offset` axes.
  case movePlaneAxis(second: Bool, offset: Int)
  /// The plane's basis: axes → principal components → random → axes.
  case cyclePlaneBasis
  /// What the plane passes through: the selected run's best → the
  /// leader's → fixed where it is now → the selected run's best.
  case cyclePlaneThrough
  // General
  case toggleCaption
  case toggleHelp
  /// Quit, asking first when a recording has unsaved changes; while a save
  /// runs, quit once it is written (a second quit stops the save).
  case quit

  // What the loop feeds back: time passing, and the outcome of effects.
  /// The loop's clock, after every input and every advance: the recovery
  /// copy is written when it is due.
  case tick(ContinuousClock.Instant)
  /// A save has replayed this share (0…1) of its scene.
  case saveProgressed(job: Int, fraction: Double)
  case saveFinished(job: Int)
  case saveFailed(job: Int, reason: String)
  case recoveryWritten(revision: Int)
  case recoveryFailed(revision: Int, reason: String)
  /// The frame's heat map needs these samples of a remote function, or
  /// (nil) none: it has them, or shows another landscape.
  case mapWanted(MapSampleRequest?)
  /// A sampling job's samples so far.
  case mapSampled(job: Int, samples: MapSamples)

  /// True for what the loop feeds back, which leaves the status message
  /// alone; a user's action clears it.
  var isFeedback: Bool {
    switch self {
    case .tick, .saveProgressed, .saveFinished, .saveFailed, .recoveryWritten, .recoveryFailed, .mapWanted, .mapSampled:
      return true
    default: return false
    }
  }
}
