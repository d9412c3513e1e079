import Foundation
import Scenes
import Testing
import Visualizer

/// `s` saves a scene that verifies, never over a file without asking, and
/// quitting with unsaved changes asks first.
@Suite struct SavingTests {
  /// A fresh folder for one test's files (the test removes it).
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("optiscope-saving-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Presses s (or answers s to the quit question), types `path` over the
  /// suggestion and presses enter.
  static func save(_ state: inout AppState, to path: String, key: Key = .character("s")) {
    press(key, on: &state)
    press(.control("u"), on: &state)
    type(path, on: &state)
    press(.enter, on: &state)
  }

  /// Three steps, a change of the learning rate, two more steps.
  static func recorded() throws -> AppState {
    var state = try testState(["adam", "pso"])
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .nudgeParameter(direction: 1, coarse: false))
    for _ in 0..<2 { update(&state, .stepForward) }
    return state
  }

  @Test func aSavedSceneVerifiesAndHoldsTheEventsAndTheView() throws {
    var state = try Self.recorded()
    update(&state, .cycleColourMap)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/lr.yaml"
    Self.save(&state, to: path)
    #expect(state.modal == nil)
    #expect(state.message?.text == "saved \(path) (5 steps, 1 event)")
    #expect(!state.hasUnsavedChanges)
    let scene = try SceneFile.load(path)
    #expect(scene.events == state.player.scene.events)
    #expect(scene.steps == 5)
    #expect(scene.view.colourMap == state.view.colourMap)
    let verification = try SceneChecksums.verify(scene)
    #expect(verification.passed, "\(verification.divergence.map(\.description) ?? "")")
    #expect(verification.checked > 0)
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
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/taken.yaml"
    try "not a scene".write(toFile: path, atomically: true, encoding: .utf8)
    Self.save(&state, to: path)
    guard case .confirmation(let question) = state.modal else {
      Issue.record("no question before overwriting")
      return
    }
    #expect(question.lines.first == "\(path) already exists.")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a scene")
    press(.character("n"), on: &state)
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("n does not go back to the name")
      return
    }
    #expect(entry.text == path)
    press(.enter, on: &state)
    press(.character("y"), on: &state)
    #expect(state.modal == nil)
    #expect(try SceneFile.load(path).events.count == 1)
    // The file this session wrote is saved over without a question.
    update(&state, .stepForward)
    Self.save(&state, to: path)
    #expect(state.modal == nil)
    #expect(try SceneFile.load(path).steps == 6)
  }

  @Test func aFailedSaveSaysWhyAndLosesNothing() throws {
    var state = try Self.recorded()
    Self.save(&state, to: "/no/such/folder/scene.yaml")
    #expect(state.message?.kind == .error)
    #expect(state.message?.text.contains("/no/such/folder/scene.yaml") == true)
    guard case .textEntry(let entry) = state.modal else {
      Issue.record("the name field closed after a failed save")
      return
    }
    #expect(entry.problem != nil)
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

  @Test func saveFromTheQuitQuestionSavesThenQuits() throws {
    var state = try Self.recorded()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/before-quitting.yaml"
    press(.character("q"), on: &state)
    Self.save(&state, to: path, key: .character("s"))
    #expect(state.wantsToQuit)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func anUntouchedReplayQuitsWithoutAsking() throws {
    var state = try replayState(RecordingTests.replayed)
    for _ in 0..<3 { update(&state, .stepForward) }
    update(&state, .quit)
    #expect(state.wantsToQuit)
  }

  /// The name in the field `s` opens.
  static func suggestion(_ state: AppState) -> String? {
    var state = state
    update(&state, .save)
    guard case .textEntry(let entry) = state.modal else { return nil }
    return entry.text
  }

  @Test func theSuggestedNameNeverIsTheReplayedFile() throws {
    let fresh = try #require(Self.suggestion(try testState()))
    #expect(fresh.wholeMatch(of: #/scene-\d{8}-\d{6}\.yaml/#) != nil, "\(fresh)")
    #expect(Self.suggestion(try replayState(RecordingTests.replayed, path: "/elsewhere/tour.yaml")) == "tour-2.yaml")
    #expect(Self.suggestion(try replayState(RecordingTests.replayed, path: "tour-2.yaml")) == "tour-3.yaml")
    var saved = try Self.recorded()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/mine.yaml"
    Self.save(&saved, to: path)
    #expect(Self.suggestion(saved) == path)
  }
}
