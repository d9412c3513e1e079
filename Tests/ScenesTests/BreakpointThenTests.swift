import Scenes
import Testing

/// `then substeps` after a condition asks the visualizer to take the next
/// update apart where it stops.
@Suite struct BreakpointThenTests {
  @Test func thenSubstepsIsRead() throws {
    let breakpoint = try Breakpoint.parse("run 1 best < 1e-3 then substeps")
    #expect(breakpoint.opensSubsteps)
    #expect(try !Breakpoint.parse("best < 1e-3").opensSubsteps)
  }

  @Test func thenWantsSubsteps() {
    #expect(throws: BreakpointError.self) { try Breakpoint.parse("step == 3 then pause") }
    do {
      _ = try Breakpoint.parse("step == 3 then")
      Issue.record("a bare then was read")
    } catch {
      #expect(error.message == "expected 'substeps' after 'then'" && error.column == 11)
    }
  }
}
