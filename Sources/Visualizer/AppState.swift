import Engine
import OptimizerCore
import Rendering
import Scenes
import ViewModel

/// Everything the visualizer shows and remembers: the scene being played or
/// recorded, the view, what is selected, and any open picker or text field.
///
/// A value type changed only by `update(_:_:)` (and by time, through
/// `VisualizerProgram`), so every interaction can be tested without a
/// terminal.
public struct AppState: Sendable {
  /// How many steps and events `,` can undo before a jump replays from the
  /// start.
  public static let historyDepth = 1000

  /// The session and its place among the scene's events. Every step and
  /// every live change goes through it, so that what the user does is the
  /// scene `s` saves.
  public internal(set) var player: ScenePlayer
  /// Trails and paths, which the session does not keep.
  public var recorder = SessionRecorder()
  public var isRunning: Bool
  /// True when steps are taken at the chosen speed: running, and not held
  /// while the caption is being read.
  public var stepsAreDue: Bool { isRunning && !showCaption }
  public var speed = Speed()
  /// Index into `session.runs` of the selected run.
  public var selectedRun = 0
  /// Index into the selected run's hyperparameters.
  public var selectedParameter = 0
  /// Index into the selected run's particles, for the inspector.
  public var selectedParticle = 0
  /// Index of the landscape's axis whose kind `K` cycles (`A` moves it).
  public var selectedAxis = 0
  /// How the map is shown: what the scene opened with, as the keys changed
  /// it since; a save stores it as it is.
  public var view: MapView
  /// How many contour lines `#` turns on: the last non-zero count the view
  /// had (the scene's own, if it set one), else `MapView.contoursWhenOn`.
  /// Not saved: a scene stores `contours` alone.
  public internal(set) var contoursWhenOn: Int
  /// While the view draws overlays: only the selected run's (`v`'s middle
  /// state), not every run's. Not saved: a scene stores `overlays` alone.
  public var overlaysOfSelectedRunOnly = false
  /// The caption: what the scene is about (`w`); the program shows it when
  /// a scene opens, and the next key closes it.
  public var showCaption = false
  public var showHelp = false
  /// Which page of the help is shown when it has more than one (the
  /// renderer counts it round): space and PgDn turn it on, PgUp back.
  public var helpPage = 0
  /// The inspector (`i`) in place of the run panels.
  public var showInspector = false
  /// One iteration or one evaluation per step (`E`), and how much of the
  /// current iteration is shown.
  public var stepping = EvaluationStepping()
  /// The path the last hyperparameter change would have given from the
  /// start (nil before one, and after a change that makes it stale).
  public internal(set) var whatIf: WhatIf?
  /// Whether the what-if path is drawn (`W`).
  public var showWhatIf = true
  /// The race chart's clock (`X`).
  public var raceAxis = RaceChart.Axis.evaluations
  /// One update taken apart (`u`), while it is open.
  public internal(set) var substeps: SubstepMode?
  /// The conditions that pause a run (`b`, `--break`).
  public var breakpoints = BreakpointSet()
  public var modal: Modal?
  /// A line for the status bar (an error or a confirmation).
  public var message: StatusMessage?
  public var wantsToQuit = false
  /// The file the scene came from, for the name `s` suggests; nil for a
  /// fresh session.
  public var scenePath: String?
  /// Where this session last saved, if it did.
  public internal(set) var savedPath: String?
  /// The save under way, if one is.
  public internal(set) var saving: SaveInProgress?
  /// A remote function's heat map, sampled in the background.
  public internal(set) var backgroundMap = BackgroundMap()
  /// The number the next background job gets.
  var nextJob = 0
  /// The recovery copy of an unsaved recording.
  public internal(set) var recovery: RecoveryStatus
  /// The recording as last saved (or as opened): what "unsaved" compares with.
  var baseline: Scene
  /// Counts every change of the session (steps, events, steps back), so the
  /// program knows when the recovery copy is behind.
  public internal(set) var revision = 0
  /// Set by a live change: the recovery copy should be written at the next
  /// tick, not at the next periodic write.
  var liveChangePending = false
  /// Seeds for `R`, drawn in order so that a session replays the same way.
  var seedSequence: SeededGenerator

  /// Opens a player: its scene's view becomes the screen's. `keepsRecovery`
  /// says whether ticks write a recovery copy of an unsaved recording.
  public init(player: ScenePlayer, isRunning: Bool = true, scenePath: String? = nil, keepsRecovery: Bool = false) {
    self.player = player
    self.recovery = RecoveryStatus(isKept: keepsRecovery)
    self.isRunning = isRunning
    self.scenePath = scenePath
    self.baseline = player.recording
    self.seedSequence = SeededGenerator(seed: player.session.seed, stream: 0x5345_4544)
    self.view = player.scene.view
    self.contoursWhenOn = view.contours > 0 ? view.contours : MapView.contoursWhenOn
    recorder.record(player.session)
  }

  /// The session on screen (change it through the player).
  public var session: Session { player.session }

  /// The selected run, if there is any run.
  public var run: Run? { session.runs.indices.contains(selectedRun) ? session.runs[selectedRun] : nil }

  /// The selected hyperparameter's spec and value.
  public var parameter: (spec: HyperparameterSpec, value: Double)? {
    guard let run else { return nil }
    let parameters = run.optimizer.hyperparameters
    guard parameters.specs.indices.contains(selectedParameter) else { return nil }
    return (parameters.specs[selectedParameter], parameters.values[selectedParameter])
  }

  /// The status line's mode: the open modal's name, else "taking a step
  /// apart" in the sub-step mode, "replaying" or "recording" while
  /// running, "paused" while not.
  public var mode: String {
    switch modal {
    case .picker: return "choosing"
    case .textEntry: return "typing"
    case .confirmation: return "asking"
    case nil:
      if substeps != nil { return "taking a step apart" }
      guard isRunning else { return "paused" }
      return player.isRecording ? "recording" : "replaying"
    }
  }

  /// The scene `s` saves (before its checksums): what was played or
  /// recorded up to now, with the view as it is on screen.
  public var sceneToSave: Scene {
    var scene = player.recording
    scene.view = view
    return scene
  }

  /// True while a recording holds steps or events that are not in a saved
  /// file. An untouched replay has nothing unsaved. Asked on every frame.
  public var hasUnsavedChanges: Bool {
    player.isRecording && !player.recordingMatches(baseline)
  }

  /// The run whose overlays alone are drawn, by id; nil when every run's
  /// are (or none are).
  public var overlayRun: Int? {
    view.overlays && overlaysOfSelectedRunOnly ? run?.id : nil
  }

  /// `v`: every run's vectors and overlays → none → the selected run's →
  /// every run's, the status line saying which.
  mutating func cycleOverlays() {
    if !view.overlays {
      (view.overlays, overlaysOfSelectedRunOnly) = (true, true)
    } else if overlaysOfSelectedRunOnly {
      overlaysOfSelectedRunOnly = false
    } else {
      view.overlays = false
    }
    message = StatusMessage("vectors: \(overlayScopeDescription)")
  }

  /// "all runs", "off", or "selected run (2 adam)".
  var overlayScopeDescription: String {
    guard view.overlays else { return "off" }
    guard overlaysOfSelectedRunOnly, let run else { return "all runs" }
    return "selected run (\(session.label(of: run)))"
  }

  /// Keeps the selections inside what exists after runs or optimizers changed.
  mutating func clampSelections() {
    selectedRun = session.runs.isEmpty ? 0 : min(max(selectedRun, 0), session.runs.count - 1)
    let count = run?.optimizer.hyperparameters.specs.count ?? 0
    selectedParameter = count == 0 ? 0 : min(max(selectedParameter, 0), count - 1)
    let particles = run?.optimizer.particles.count ?? 0
    selectedParticle = particles == 0 ? 0 : min(max(selectedParticle, 0), particles - 1)
  }
}

/// A line of feedback in the status bar.
public struct StatusMessage: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case info, error }
  public var text: String
  public var kind: Kind

  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
}
