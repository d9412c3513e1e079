import Scenes
import Testing

/// A condition that can never hold in its scene is refused at its column.
@Suite("Breakpoints are checked against their scene")
struct BreakpointCheckTests {
  /// Annealing and Adam, and a swarm added at step 5: runs 1, 2 and 3.
  static let scene = try! SceneReader.read(
    """
    version: 1
    title: Checked
    landscape:
      function: rastrigin
    seed: 1
    steps: 20
    runs:
      - optimizer: simulated-annealing
      - optimizer: adam
    events:
      - {step: 5, add-run: {optimizer: pso}}
    """)

  func refusal(_ condition: String) throws -> BreakpointError? {
    let breakpoint = try Breakpoint.parse(condition)
    do throws(BreakpointError) {
      try breakpoint.check(in: Self.scene)
      Issue.record("'\(condition)' was accepted")
      return nil
    } catch {
      return error
    }
  }

  @Test("a misspelt readout is refused at its column with the nearest name")
  func misspeltReadout() throws {
    let error = try #require(try refusal("temprature < 0.01"))
    #expect(error.column == 1)
    #expect(error.message.contains("'temprature'; did you mean 'temperature'?"))
  }

  @Test("a readout only another run shows is refused for the run named")
  func readoutOfAnotherRun() throws {
    let error = try #require(try refusal("run 2 temperature < 0.01"))
    #expect(error.column == 7)
    #expect(error.message.hasPrefix("run 2 of the scene shows no readout 'temperature'"))
  }

  @Test("a run the scene never has is refused at its number")
  func missingRun() throws {
    let error = try #require(try refusal("run 99 best < 1"))
    #expect(error.column == 5)
    #expect(error.message == "the scene has no run 99; its runs are 1 to 3")
  }

  @Test("conditions that can hold pass: an added run, a readout by name or symbol, a swarm's readout", arguments: [
    "run 3 best < 1", "temperature < 0.01", "T < 0.01", "run 3 spread < 0.1", "step == 3", "event == reject",
  ])
  func accepted(condition: String) throws {
    try Breakpoint.parse(condition).check(in: Self.scene)
  }
}
