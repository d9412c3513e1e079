import Engine
import OptimizerCore
import Rendering

/// Everything the visualizer shows and remembers: the session, the view,
/// what is selected, and any open picker or text field.
///
/// A value type changed only by `update(_:_:)` (and by time, through
/// `VisualizerProgram`), so every interaction can be tested without a
/// terminal.
public struct AppState: Sendable {
  public var session: Session
  /// Trails and paths, which the session does not keep.
  public var recorder = SessionRecorder()
  public var isRunning: Bool
  public var speed = Speed()
  /// Index into `session.runs` of the selected run.
  public var selectedRun = 0
  /// Index into the selected run's hyperparameters.
  public var selectedParameter = 0
  /// The landscape area shown, or nil for the whole domain.
  public var viewport: Viewport?
  public var colourMap = ColourMap.viridis
  public var scale = ColourScale.log
  public var showTrails = true
  public var showProbes = true
  public var showOverlays = true
  public var showHelp = false
  public var modal: Modal?
  /// A line for the status bar (an error or a confirmation) and until when.
  public var message: StatusMessage?
  public var wantsToQuit = false
  /// Seeds for `R`, drawn in order so that a session replays the same way.
  var seedSequence: SeededGenerator

  public init(session: Session, isRunning: Bool = true) {
    self.session = session
    self.isRunning = isRunning
    self.seedSequence = SeededGenerator(seed: session.seed, stream: 0x5345_4544)
    recorder.record(session)
  }

  /// The selected run, if there is any run.
  public var run: Run? { session.runs.indices.contains(selectedRun) ? session.runs[selectedRun] : nil }

  /// The selected hyperparameter's spec and value.
  public var parameter: (spec: HyperparameterSpec, value: Double)? {
    guard let run else { return nil }
    let parameters = run.optimizer.hyperparameters
    guard parameters.specs.indices.contains(selectedParameter) else { return nil }
    return (parameters.specs[selectedParameter], parameters.values[selectedParameter])
  }

  /// "running", "paused", or the open modal's name: the status line's mode.
  public var mode: String {
    switch modal {
    case .picker: return "choosing"
    case .textEntry: return "typing"
    case nil: return isRunning ? "running" : "paused"
    }
  }

  /// Keeps the selections inside what exists after runs or optimizers changed.
  mutating func clampSelections() {
    selectedRun = session.runs.isEmpty ? 0 : min(max(selectedRun, 0), session.runs.count - 1)
    let count = run?.optimizer.hyperparameters.specs.count ?? 0
    selectedParameter = count == 0 ? 0 : min(max(selectedParameter, 0), count - 1)
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
