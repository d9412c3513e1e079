import OptimizerCore
import Scenes
import Testing

/// Sizes past what memory and counting allow are errors at their node that
/// state the limit (docs/SCENES.md, "Limits"), not crashes.
@Suite("A scene past optiscope's limits says which limit, and where")
struct SceneLimitsTests {
  static let valid = """
    version: 1
    title: Limits
    landscape:
      function: sphere
    seed: 3
    steps: 10
    runs:
      - optimizer: pso
    """

  func error(_ text: String) -> SceneError? {
    do {
      _ = try SceneReader.read(text, file: "limits.yaml")
      Issue.record("the scene was accepted:\n\(text)")
      return nil
    } catch {
      return error
    }
  }

  func replacing(_ old: String, with new: String) -> String {
    precondition(Self.valid.contains(old), "the scene has no '\(old)'")
    return Self.valid.replacingOccurrences(of: old, with: new)
  }

  @Test("a dimension past 10^6 is refused at the field, with the limit")
  func hugeDimension() throws {
    let error = try #require(self.error(replacing("function: sphere", with: "function: sphere\n  dimension: 9223372036854775807")))
    #expect(error.line == 5)
    #expect(error.message.contains("at most \(Limits.dimension)"))
  }

  @Test("a method with an n×n matrix is refused past 10 000 dimensions, at its name")
  func matrixMethodPastItsLimit() throws {
    let text = replacing("function: sphere", with: "function: sphere\n  dimension: 100000")
      .replacingOccurrences(of: "optimizer: pso", with: "optimizer: cma-es")
    let error = try #require(self.error(text))
    #expect(error.line == 9)
    #expect(error.message == "cma-es takes at most 10000 dimensions (it keeps an n×n matrix), not 100000")
    // The same dimension is fine for a method without one.
    #expect(try SceneReader.read(replacing("function: sphere", with: "function: sphere\n  dimension: 100000")).runs.count == 1)
  }

  @Test("a domain whose width would overflow is refused at the bound")
  func overflowingDomain() throws {
    let error = try #require(
      self.error(replacing("function: sphere", with: "function: sphere\n  domain: [[-1e308, 1e308], [-1, 1]]")))
    #expect(error.line == 5)
    #expect(error.message.contains("within ±1e+150"))
  }

  @Test("a view corner or zoom past the limits is refused")
  func overflowingView() throws {
    let corner = try #require(self.error(Self.valid + "\nview:\n  viewport: {x: [-1e308, 1e308], y: [-1, 1]}"))
    #expect(corner.message.contains("within ±1e+150"))
    let zoom = try #require(self.error(Self.valid + "\nview:\n  zoom: 1e-300"))
    #expect(zoom.message.contains("view.zoom must be from 1e-06 to 1000000"))
  }

  @Test("steps past 10^12 are refused with the limit", arguments: ["steps: 9223372036854775807", "budget: {steps: 9223372036854775807}"])
  func hugeSteps(field: String) throws {
    let error = try #require(self.error(replacing("steps: 10", with: field)))
    #expect(error.message.contains("must be at most \(Limits.steps)"))
  }

  @Test("an event past the end of the last epoch is refused at its step, with a caret")
  func eventPastTheEnd() throws {
    let error = try #require(self.error(Self.valid + "\nevents:\n  - {step: 1000000000000, noise: 0.1}"))
    #expect(error.line == 10 && error.column == 12)
    #expect(error.message.contains("past the scene's end at step 10"))
    #expect(error.description.hasSuffix("^^^^^^^^^^^^^"))
  }

  @Test("an event past 'steps' before a restart belongs to a longer epoch and is kept")
  func eventsOfAnEarlierEpoch() throws {
    let scene = try SceneReader.read(
      Self.valid + "\nevents:\n  - {step: 40, noise: 0.1}\n  - {step: 50, reset: {}}\n  - {step: 10, noise: 0}")
    #expect(scene.events.count == 3)
    #expect(scene.iterations == 60)
  }
}
