import Engine
import Scenes

/// Moving the session through time: a step forward (one iteration or one
/// evaluation), a step back, a jump. The keys and the running clock both
/// come here, so breakpoints, the end of a replayed scene and the budget
/// stop a run the same way whichever moved it.
extension AppState {
  /// One step forward at the current granularity. False when the run
  /// stopped (a breakpoint, the end of the scene, the budget, a failed
  /// event): it is then paused, and the status line says why.
  @discardableResult
  mutating func stepForward() -> Bool {
    if stepping.isOn, let shown = stepping.revealed {
      let count = EvaluationStepping.probeCount(of: session)
      if shown + 1 < count {
        stepping.revealed = shown + 1
      } else {
        stepping.showWhole()
      }
      return true
    }
    let wasAtEnd = player.isAtEnd
    do {
      // The events due now first: an event breakpoint (a swap) stops
      // before the iteration that would replace the run's events.
      if try !player.applyDueEvents().isEmpty {
        sessionChanged(checkingBreakpoints: false)
        if let hit = breakpoints.check(session) { return stop(at: hit) }
      }
      // A replay ends on its last events; played on past its end (space
      // again) it steps like a recording.
      if !player.isRecording, !wasAtEnd, player.isAtEnd {
        return stop("end of scene at step \(session.step)")
      }
      // A replay steps on through a spent budget to its later events.
      if session.isFinished, player.isRecording || player.pendingEvents.isEmpty {
        return stop(session.landscape.failure != nil ? "the function failed" : "every run has used its budget")
      }
      // Kept only when it is shown: holding it makes the step copy the runs.
      let before = stepping.isOn ? session : nil
      let stoppedBefore = session.runs.filter { $0.optimizer.failure != nil }.count
      try player.stepForward()
      sayWhatExternalRunsReported(stoppedBefore: stoppedBefore)
      if let before, EvaluationStepping.probeCount(of: session) > 1 {
        stepping.revealed = 1
        stepping.before = before
      }
    } catch {
      return stop(error.description, kind: .error)
    }
    sessionChanged(checkingBreakpoints: false)
    if let hit = breakpoints.check(session) { return stop(at: hit) }
    if !player.isRecording, !wasAtEnd, player.isAtEnd {
      return stop("end of scene at step \(session.step)")
    }
    return true
  }

  /// A run that stopped in this step (its external process broke off), or
  /// one whose process answered otherwise than its recording: said in the
  /// status line, since the other runs go on.
  private mutating func sayWhatExternalRunsReported(stoppedBefore: Int) {
    let stopped = session.runs.filter { $0.optimizer.failure != nil }
    if stopped.count > stoppedBefore, let run = stopped.last, let failure = run.optimizer.failure {
      message = StatusMessage("run \(run.number) stopped: \(failure.prefix { $0 != "\n" })", kind: .error)
    } else if let run = session.runs.first(where: { $0.optimizer.notice != nil }), let notice = run.optimizer.notice {
      message = StatusMessage("run \(run.number): \(notice)")
    }
  }

  /// One step back at the current granularity: one probe fewer, or the
  /// last iteration or event undone.
  mutating func stepBack() {
    if stepping.isOn, let shown = stepping.revealed, shown > 1 {
      stepping.revealed = shown - 1
      return
    }
    stepping.showWhole()
    guard let undone = player.stepBack() else {
      message = StatusMessage("no earlier step to go back to", kind: .error)
      return
    }
    if case .event(let event) = undone {
      message = StatusMessage("undid the live change at step \(event.step): \(event.command.summary) · . applies it again")
    }
    sessionChanged()
    dropWhatIfIfUndone()
  }

  /// Goes to a step of the current clock: forward by playing (events
  /// included), back by undoing, or from the start past the history.
  mutating func jump(to step: Int) {
    stepping.showWhole()
    let appliedBefore = player.applied
    do {
      try player.jump(to: step)
      let undone = appliedBefore - player.applied
      let note =
        undone == 0 ? "" : undone == 1 ? " · undid 1 live change; going forward applies it again"
        : " · undid \(undone) live changes; going forward applies them again"
      message = StatusMessage("went to step \(session.step)" + note)
    } catch {
      message = StatusMessage(error.description, kind: .error)
    }
    sessionChanged()
    dropWhatIfIfUndone()
  }

  /// After the session changed: the trails, the selections, the revision
  /// and (unless the caller checks them itself) the breakpoints follow.
  mutating func sessionChanged(checkingBreakpoints: Bool = true) {
    // Stages taken apart belong to the session they were computed on.
    substeps = nil
    recorder.record(session)
    clampSelections()
    revision += 1
    if checkingBreakpoints { breakpoints.note(session) }
  }

  private mutating func stop(at breakpoint: Breakpoint) -> Bool {
    let stopped = stop("breakpoint: \(breakpoint) (step \(session.step))")
    if breakpoint.opensSubsteps { openSubsteps(run: breakpoint.run) }
    return stopped
  }

  private mutating func stop(_ text: String, kind: StatusMessage.Kind = .info) -> Bool {
    isRunning = false
    message = StatusMessage(text, kind: kind)
    return false
  }
}
