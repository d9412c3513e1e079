import Scenes
import Testing
import Visualizer

/// When `update` asks for the recovery copy to be written or removed: at
/// once after a live change, at most every two seconds while steps go on,
/// removed once nothing is unsaved, and a failing write stays on the status
/// line. Pure: the effects are looked at, never performed.
@Suite struct RecoveryKeepingTests {
  static func keeping() throws -> AppState {
    var state = try testState()
    state = AppState(player: state.player, isRunning: false, keepsRecovery: true)
    return state
  }

  /// The scene of the one write among `effects`.
  static func written(_ effects: [Effect]) -> Scene? {
    guard effects.count == 1, case .writeRecovery(let scene, _) = effects[0] else { return nil }
    return scene
  }

  @Test func stepsAreWrittenEveryTwoSecondsAndALiveChangeAtOnce() throws {
    var state = try Self.keeping()
    let start = ContinuousClock.now
    #expect(update(&state, .tick(start)).isEmpty, "nothing to recover yet")
    update(&state, .stepForward)
    #expect(Self.written(update(&state, .tick(start)))?.steps == 1)
    update(&state, .stepForward)
    #expect(update(&state, .tick(start + .milliseconds(500))).isEmpty, "steps wait for the periodic write")
    #expect(state.recoveryDue == start + .seconds(2))
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    let change = try #require(Self.written(update(&state, .tick(start + .milliseconds(600)))))
    #expect(change.steps == 2 && change.events.count == 1, "a live change is written at once")
    update(&state, .stepForward)
    #expect(update(&state, .tick(start + .milliseconds(1000))).isEmpty)
    #expect(Self.written(update(&state, .tick(start + .milliseconds(2700))))?.steps == 3)
    #expect(state.recoveryDue == nil, "the file is up to date")
  }

  @Test func aSaveRemovesTheCopyAndNothingIsWrittenWithoutOne() throws {
    var state = try Self.keeping()
    update(&state, .stepForward)
    #expect(Self.written(update(&state, .tick(.now))) != nil)
    let effects = SavingTests.save(&state, to: "/work/saved.yaml", in: SavingTests.world())
    guard case .saveScene(let job, _, _) = effects.first else {
      Issue.record("no save")
      return
    }
    update(&state, .saveFinished(job: job))
    #expect(update(&state, .tick(.now)) == [.removeRecovery])
    #expect(update(&state, .tick(.now)).isEmpty, "removed once")

    var none = try testState()
    update(&none, .stepForward)
    #expect(update(&none, .tick(.now)).isEmpty, "no recovery file is kept")
  }

  @Test func aFailingWriteIsSaidOnceAndStaysOnTheStatusLine() throws {
    var state = try Self.keeping()
    update(&state, .stepForward)
    let start = ContinuousClock.now
    _ = update(&state, .tick(start))
    update(&state, .recoveryFailed(revision: state.revision, reason: "recovery file: cannot write /r: Read-only file system"))
    #expect(state.message == StatusMessage("recovery file: cannot write /r: Read-only file system", kind: .error))
    #expect(state.recovery.failure != nil)
    update(&state, .stepForward)
    #expect(state.message == nil, "the message goes with the next key")
    #expect(state.recovery.failure != nil, "the marker stays")
    let writes = update(&state, .tick(start + .seconds(3)))
    update(&state, .recoveryFailed(revision: state.revision, reason: "recovery file: cannot write /r: Read-only file system"))
    #expect(Self.written(writes) != nil && state.message == nil, "said once, not at every write")
    update(&state, .recoveryWritten(revision: state.revision))
    #expect(state.recovery.failure == nil)
  }
}
