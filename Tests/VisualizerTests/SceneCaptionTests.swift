import Engine
import OptimizerCore
import Rendering
import Scenes
import Testing
import Visualizer

/// The caption says what a scene is about; any key closes it, and the run
/// waits while it is shown.
@Suite struct SceneCaptionTests {
  static func captioned(_ scene: Scene? = nil) throws -> AppState {
    var state = try scene.map { try replayState($0) } ?? testState()
    state.showCaption = true
    state.isRunning = true
    return state
  }

  static let described = Scene(
    title: "A valley", description: "First line\nof one paragraph.\n\nA second one.", landscape: .named("rosenbrock"),
    seed: 1, runs: [RunSetup(OptimizerConfiguration("adam"))], steps: 10)

  @Test func aDescriptionIsShownAsItsParagraphs() throws {
    var state = try Self.captioned(Self.described)
    state.isRunning = false
    var screen = Screen()
    let text = screen.render(state, width: 120, height: 40, profile: .standard).plainText
    #expect(text.contains("A valley"))
    #expect(text.contains("First line of one paragraph."), "one paragraph, its line break a space")
    #expect(text.contains("A second one."))
    #expect(text.contains("any key continues · w shows this again"))
  }

  @Test func aSceneWithoutADescriptionSaysWhatEachRunDoes() throws {
    let state = try Self.captioned()
    var screen = Screen()
    let text = screen.render(state, width: 120, height: 40, profile: .standard).plainText
    #expect(text.contains("The landscape is Rosenbrock"))
    #expect(text.contains("adam — Adam with the analytic gradient."))
    #expect(text.contains("pso — particle swarm"))
  }

  @Test func stepsWaitWhileTheCaptionIsShown() throws {
    var state = try Self.captioned()
    #expect(!state.stepsAreDue)
    press(.escape, on: &state)
    #expect(!state.showCaption && state.stepsAreDue && state.isRunning)
  }

  @Test(arguments: [Key.escape, .enter, .character(" ")])
  func escEnterAndSpaceOnlyCloseIt(key: Key) throws {
    var state = try Self.captioned()
    press(key, on: &state)
    #expect(!state.showCaption)
    #expect(state.isRunning, "space did not pause what was about to start")
  }

  @Test func anotherKeyClosesItAndDoesItsWork() throws {
    var state = try Self.captioned()
    press(.character("."), on: &state)
    #expect(!state.showCaption)
    #expect(state.session.step == 1 && !state.isRunning, ". stepped once, pausing")
  }

  @Test func wOpensAndClosesIt() throws {
    var state = try testState()
    press(.character("w"), on: &state)
    #expect(state.showCaption)
    press(.character("w"), on: &state)
    #expect(!state.showCaption)
  }

  @Test func aLongDescriptionIsCutToTheMap() throws {
    var scene = Self.described
    scene.description = Array(repeating: "A paragraph of several words that wraps.", count: 40).joined(separator: "\n\n")
    let state = try Self.captioned(scene)
    var screen = Screen()
    let lines = screen.render(state, width: 100, height: 30, profile: .standard).lines()
    #expect(lines.contains { $0.contains("│ …") }, "the cut is marked")
    #expect(lines.contains { $0.contains("w shows this again") }, "the footer stays")
  }
}
