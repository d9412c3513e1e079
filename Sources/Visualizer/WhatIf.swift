import Engine
import OptimizerCore
import Rendering

/// The what-if path of the last hyperparameter change: the changed run
/// re-run alone from its start with its setup as it is now (the new value
/// included, `Session.alone(run:setup:)`), for as many steps as it has
/// taken, on the deterministic core.
public struct WhatIf: Sendable, Hashable {
  /// The id of the run it belongs to.
  public var run: Int
  /// The hyperparameter changed and the value it was set to: the change
  /// the path describes.
  public var parameter: String
  public var value: Double
  public var path: WhatIfPath

  /// The most particle-steps (particles × steps) a re-run may take:
  /// `update` computes it in place, so its cost is bounded.
  public static let particleStepLimit = 200_000

  /// What computing a what-if path gave.
  enum Outcome {
    case path(WhatIf)
    /// The re-run would cost this many particle-steps.
    case tooCostly(Int)
    case failed(String)
  }

  /// Whether the change it describes is still in effect in `session`: its
  /// run is there and holds the value. A step back or a jump that undid
  /// the change makes it false.
  func isInEffect(in session: Session) -> Bool {
    guard let parameters = session.run(run)?.optimizer.hyperparameters, parameters.contains(parameter) else {
      return false
    }
    return parameters[parameter] == value
  }

  /// Re-runs run `id` of `session` from its start for its steps so far,
  /// after its `parameter` was set to `value`; `change` names the change
  /// for the legend (`lr = 0.4`).
  static func compute(session: Session, run id: Int, parameter: String, value: Double, change: String) -> Outcome {
    guard let run = session.run(id) else { return .failed("there is no run with id \(id)") }
    let cost = run.steps * max(run.optimizer.particles.count, 1)
    guard cost <= particleStepLimit else { return .tooCostly(cost) }
    do {
      var alone = try session.alone(run: id, setup: run.setup)
      var points: [Vector] = []
      func record() {
        if let position = alone.run(id).flatMap(SessionRecorder.position(of:)) { points.append(position) }
      }
      record()
      for _ in 0..<run.steps {
        alone.stepForward()
        record()
      }
      return .path(WhatIf(run: id, parameter: parameter, value: value, path: WhatIfPath(change: change, points: points)))
    } catch {
      return .failed(error.description)
    }
  }
}

extension AppState {
  /// After a step back or a jump: drops the what-if path when the change
  /// it describes was undone, so that the map never shows where a change
  /// no longer in effect would have led; the status line says so.
  mutating func dropWhatIfIfUndone() {
    guard let whatIf, !whatIf.isInEffect(in: session) else { return }
    self.whatIf = nil
    let note = "what-if path of \(whatIf.path.change) dropped: that change is undone"
    message = StatusMessage([message?.text, note].compactMap { $0 }.joined(separator: " · "), kind: message?.kind ?? .info)
  }
}
