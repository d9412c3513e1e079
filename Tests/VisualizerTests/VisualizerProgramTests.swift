import Engine
import Rendering
import Testing
import Visualizer

/// The program as the loop drives it: time becomes steps, clicks become
/// points, state becomes a screen.
@Suite struct VisualizerProgramTests {
  @Test func runningStepsAtTheChosenSpeed() throws {
    var program = VisualizerProgram(state: try testState())
    let start = ContinuousClock.now
    program.handle(.key(.character(" ")), at: start)
    #expect(program.nextDeadline != nil)
    program.advance(to: start + .seconds(1), budget: .seconds(5))
    #expect(program.state.session.step == 10, "10 steps per second by default")
  }

  @Test func pausedProgramsWaitForInput() throws {
    let program = VisualizerProgram(state: try testState())
    #expect(program.nextDeadline == nil)
  }

  @Test func theScreenShowsModeRunAndParameter() throws {
    var program = VisualizerProgram(state: try testState())
    let grid = program.render(width: 120, height: 40, profile: .standard)
    let text = grid.plainText
    #expect(text.contains("PAUSED"))
    #expect(text.contains("run 1/2 adam"))
    #expect(text.contains("lr = "))
  }

  @Test func aClickOnTheMapRestartsTheSelectedRunThere() throws {
    var program = VisualizerProgram(state: try testState(["adam"]))
    _ = program.render(width: 120, height: 40, profile: .standard)
    program.handle(.mouse(MouseEvent(column: 20, row: 20, button: .left)), at: .now)
    let start = try #require(program.state.run?.start)
    #expect(start != program.state.session.runs[0].setup.start.map { _ in [99, 99] })
    #expect(program.state.session.runs[0].setup.start == start)
    program.handle(.mouse(MouseEvent(column: 20, row: 20, button: .wheelUp)), at: .now)
    #expect(program.state.view.viewport != nil)
  }

  @Test func aTooSmallScreenSaysSo() throws {
    var program = VisualizerProgram(state: try testState())
    let text = program.render(width: 30, height: 10, profile: .standard).plainText
    #expect(text.lowercased().contains("small"))
  }
}
