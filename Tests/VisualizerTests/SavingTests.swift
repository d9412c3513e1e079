import Foundation
import Scenes
import Testing
import Visualizer

/// `s` starts a save in the background (an effect), never over a file
/// without asking; the screen keeps answering while it runs; quitting with
/// unsaved changes asks first. Every test here runs `update` in a world of
/// made-up files: none touches the file system.
@Suite struct SavingTests {
  /// A world holding the folder /work and the given files.
  static func world(files: [String] = []) -> AppEnvironment {
    var entries: [String: AppEnvironment.Entry] = ["/work": .folder, "/": .folder, ".": .folder]
    for file in files { entries[file] = .file }
    let world = entries
    return AppEnvironment(date: noFiles.date, entry: { world[$0] }, home: "/home/tester")
  }

  /// Presses s (or answers s to the quit question), types `path` over the
  /// suggestion and presses enter; returns the effects.
  @discardableResult
  static func save(
    _ state: inout AppState, to path: String, key: Key = .character("s"), in world: AppEnvironment = world()
  ) -> [Effect] {
    var effects = press(key, .control("u"), on: &state, in: world)
    for character in path { effects += press(.character(character), on: &state, in: world) }
    return effects + press(.enter, on: &state, in: world)
  }

  /// Three steps, a change of the learning rate, two more steps.
  static func recorded() throws -> AppState {
    var state = try testState(["adam", "pso"])
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    for _ in 0..<2 { update(&state, .stepForward) }
    return state
  }

  /// The one save effect among `effects`.
  static func saveEffect(_ effects: [Effect]) -> (job: Int, scene: Scene, path: String)? {
    guard effects.count == 1, case .saveScene(let job, let scene, let path) = effects[0] else { return nil }
    return (job, scene, path)
  }

  @Test func aSaveIsAnEffectWithTheRecordingAndTheView() throws {
    var state = try Self.recorded()
    update(&state, .cycleColourMap)
    let save = try #require(Self.saveEffect(Self.save(&state, to: "/work/lr.yaml")))
    #expect(save.path == "/work/lr.yaml")
    #expect(save.scene.events == state.player.scene.events)
    #expect(save.scene.steps == 5)
    #expect(save.scene.view == state.view, "the view is saved as it is on screen")
    #expect(save.scene.checksums == nil, "the effect takes them")
    #expect(state.modal == nil)
    #expect(state.saving?.path == "/work/lr.yaml")
    #expect(state.hasUnsavedChanges, "nothing is saved until the file is written")

    update(&state, .saveProgressed(job: save.job, fraction: 0.4))
    #expect(state.saving?.description == "saving /work/lr.yaml … 40 %")
    update(&state, .saveFinished(job: save.job))
    #expect(state.saving == nil)
    #expect(state.message?.text == "saved /work/lr.yaml (5 steps, 1 event)")
    #expect(!state.hasUnsavedChanges)
  }

  @Test func keysAreAnsweredWhileASaveRunsAndASecondSSaysSo() throws {
    var state = try Self.recorded()
    let save = try #require(Self.saveEffect(Self.save(&state, to: "/work/lr.yaml")))
    update(&state, .stepForward)
    #expect(state.session.step == 6, "stepping goes on during the save")
    #expect(press(.character("s"), on: &state).isEmpty)
    #expect(state.modal == nil)
    #expect(state.message?.text == "a save is already running: saving /work/lr.yaml … 0 %")
    update(&state, .saveFinished(job: save.job))
    #expect(state.hasUnsavedChanges, "the step taken during the save is not in the file")
    update(&state, .saveFinished(job: save.job))
    #expect(state.message == nil || state.message?.kind == .info, "a stale report changes nothing")
  }

  @Test func savingAndTheQuitQuestionPauseTheRun() throws {
    var state = try Self.recorded()
    state.isRunning = true
    press(.character("s"), on: &state)
    #expect(!state.isRunning, "what is saved is the screen when s was pressed")
    press(.escape, on: &state)
    state.isRunning = true
    press(.character("q"), on: &state)
    #expect(!state.isRunning)
    #expect(!state.wantsToQuit)
  }

  @Test func savingOverAFileAsksFirstAndKeepsItUntilYes() throws {
    var state = try Self.recorded()
    let world = Self.world(files: ["/work/taken.yaml"])
    #expect(Self.save(&state, to: "/work/taken.yaml", in: world).isEmpty)
    guard case .confirmation(let question) = state.modal else {
      Issue.record("no question before overwriting")
      return
    }
    #expect(question.lines.first == "/work/taken.yaml already exists.")
    press(.character("n"), on: &state, in: world)
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("n does not go back to the name")
      return
    }
    #expect(entry.text == "/work/taken.yaml")
    press(.enter, on: &state, in: world)
    let save = try #require(Self.saveEffect(press(.character("y"), on: &state, in: world)))
    #expect(save.path == "/work/taken.yaml")
    update(&state, .saveFinished(job: save.job))
    // The file this session wrote is saved over without a question.
    update(&state, .stepForward)
    let again = try #require(Self.saveEffect(Self.save(&state, to: "/work/taken.yaml", in: world)))
    #expect(again.scene.steps == 6)
    #expect(again.job != save.job)
  }

  @Test func aMissingFolderStartsNoSaveAndLosesNothing() throws {
    var state = try Self.recorded()
    #expect(Self.save(&state, to: "/no/such/folder/scene.yaml").isEmpty)
    #expect(state.message?.kind == .error)
    #expect(state.message?.text == "cannot save /no/such/folder/scene.yaml: there is no folder /no/such/folder")
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("the name field closed after a refused save")
      return
    }
    #expect(entry.problem != nil)
    #expect(state.saving == nil)
    #expect(state.hasUnsavedChanges)
  }

  @Test func aFailedWriteReopensTheNameWithTheReason() throws {
    var state = try Self.recorded()
    let save = try #require(Self.saveEffect(Self.save(&state, to: "/work/full.yaml")))
    update(&state, .saveFailed(job: save.job, reason: "cannot write /work/full.yaml: No space left on device"))
    #expect(state.saving == nil)
    #expect(state.message == StatusMessage("cannot write /work/full.yaml: No space left on device", kind: .error))
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("the name field did not come back")
      return
    }
    #expect(entry.text == "/work/full.yaml")
    #expect(entry.problem?.message == "cannot write /work/full.yaml: No space left on device")
    #expect(state.hasUnsavedChanges)
    #expect(state.player.scene.events.count == 1)
  }

  @Test func quittingWithUnsavedChangesAsksFirst() throws {
    var fresh = try testState()
    update(&fresh, .quit)
    #expect(fresh.wantsToQuit, "nothing recorded yet: q quits")

    var state = try Self.recorded()
    press(.character("q"), on: &state)
    guard case .confirmation(let question) = state.modal else {
      Issue.record("q quit without asking")
      return
    }
    #expect(question.title == "Unsaved changes")
    #expect(question.lines.first == "This recording (5 steps, 1 event) is not saved.")
    #expect(!state.wantsToQuit)
    press(.escape, on: &state)
    #expect(state.modal == nil && !state.wantsToQuit)
    press(.character("x"), on: &state)  // other keys do not answer
    press(.character("q"), .character("q"), on: &state)
    #expect(state.wantsToQuit)
  }

  @Test func saveFromTheQuitQuestionQuitsOnceWritten() throws {
    var state = try Self.recorded()
    press(.character("q"), on: &state)
    let save = try #require(Self.saveEffect(Self.save(&state, to: "/work/before-quitting.yaml")))
    #expect(!state.wantsToQuit, "not before the file is written")
    update(&state, .saveFinished(job: save.job))
    #expect(state.wantsToQuit)
  }

  @Test func qWhileSavingWaitsForTheFileAndQAgainStopsTheSave() throws {
    var state = try Self.recorded()
    let save = try #require(Self.saveEffect(Self.save(&state, to: "/work/lr.yaml")))
    #expect(press(.character("q"), on: &state).isEmpty)
    #expect(!state.wantsToQuit)
    #expect(state.message?.text == "quitting once /work/lr.yaml is saved (q again stops the save)")
    #expect(press(.character("q"), on: &state) == [.cancelSave(job: save.job)])
    #expect(state.saving == nil)
    guard case .confirmation = state.modal else {
      Issue.record("stopping the save did not ask about the unsaved recording")
      return
    }
  }

  @Test func anUntouchedReplayQuitsWithoutAsking() throws {
    var state = try replayState(RecordingTests.replayed)
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .quit)
    #expect(state.wantsToQuit)
  }

  /// The name in the field `s` opens.
  static func suggestion(_ state: AppState, in world: AppEnvironment = world()) -> String? {
    var state = state
    press(.character("s"), on: &state, in: world)
    guard case .textEntry(let entry) = state.modal else { return nil }
    return entry.text
  }

  @Test func theSuggestedNameNeverIsTheReplayedFile() throws {
    let fresh = try #require(Self.suggestion(try testState()))
    #expect(fresh.wholeMatch(of: #/scene-\d{8}-\d{6}\.yaml/#) != nil, "\(fresh)")
    let replay = try replayState(RecordingTests.replayed, path: "/elsewhere/tour.yaml")
    #expect(Self.suggestion(replay) == "tour-2.yaml")
    #expect(Self.suggestion(replay, in: Self.world(files: ["tour-2.yaml"])) == "tour-3.yaml")
    #expect(Self.suggestion(try replayState(RecordingTests.replayed, path: "tour-2.yaml")) == "tour-3.yaml")
    var saved = try Self.recorded()
    let save = try #require(Self.saveEffect(Self.save(&saved, to: "/work/mine.yaml")))
    update(&saved, .saveFinished(job: save.job))
    #expect(Self.suggestion(saved) == "/work/mine.yaml")
  }

  @Test func aTildeIsTheHomeFolder() throws {
    var state = try Self.recorded()
    let world = AppEnvironment(date: noFiles.date, entry: { $0 == "/home/tester" ? .folder : nil }, home: "/home/tester")
    let save = try #require(Self.saveEffect(Self.save(&state, to: "~/lr.yaml", in: world)))
    #expect(save.path == "/home/tester/lr.yaml")
    #expect(state.saving?.path == "~/lr.yaml")
  }
}
