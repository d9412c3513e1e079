import Rendering
import Testing
import Visualizer

/// The `?` overlay covers the map whole: the brackets the inspector puts
/// either side of its particle are not drawn over it.
@Suite struct HelpOverInspectorTests {
  @Test func theInspectedParticlesBracketsStayUnderTheHelp() throws {
    var state = try testState(["pso"])
    update(&state, .stepForward)
    press(.character("i"), on: &state)
    var screen = Screen()
    let inspected = screen.render(state, width: 120, height: 40, profile: .standard)
    let particle = try #require(state.run?.optimizer.particles.first).position
    let cell = try #require(screen.projection?.cell(particle))
    #expect(inspected[cell.x - 1, cell.y].scalar == "[" || inspected[cell.x + 1, cell.y].scalar == "]")
    press(.character("?"), on: &state)
    let helped = screen.render(state, width: 120, height: 40, profile: .standard)
    #expect(helped[cell.x - 1, cell.y].scalar != "[" && helped[cell.x + 1, cell.y].scalar != "]")
  }
}
