import Scenes
import Testing

/// Each kind of bad input gives one clear error at its line and column.
@Suite("A bad scene says what is wrong and where")
struct SceneErrorTests {
  /// A valid scene; the tests break one line of it.
  static let valid = """
    version: 1
    title: Errors
    landscape:
      function: rosenbrock
    seed: 3
    steps: 20
    runs:
      - optimizer: pso
        settings: {omega: 0.7}
      - optimizer: adam
        start: [-1.5, 2]
    view:
      colour-map: magma
    events:
      - {step: 5, set: {run: 1, parameter: lr, value: 0.05}}
    """

  /// The error reading `text` gives, or a test failure if it reads.
  func error(_ text: String) -> SceneError? {
    do {
      _ = try SceneReader.read(text, file: "bad.yaml")
      Issue.record("the scene was accepted:\n\(text)")
      return nil
    } catch {
      return error
    }
  }

  func replacing(_ old: String, with new: String) -> String {
    precondition(Self.valid.contains(old), "the valid scene has no '\(old)'")
    return Self.valid.replacingOccurrences(of: old, with: new)
  }

  @Test("the valid scene reads")
  func validReads() throws {
    let scene = try SceneReader.read(Self.valid)
    #expect(scene.runs.count == 2)
    #expect(scene.events.count == 1)
  }

  @Test("bad YAML: the parser's complaint at its line and column")
  func badYAML() throws {
    let e = try #require(error(replacing("title: Errors", with: "title: [Errors")))
    #expect(e.message.hasPrefix("bad YAML"))
    #expect(e.line == 3)
    #expect(e.description.hasPrefix("bad.yaml:3:"))
  }

  @Test("an unknown field names the field, suggests the right one, and points at the key")
  func unknownField() throws {
    let e = try #require(error(replacing("  colour-map: magma", with: "  colour_map: magma")))
    #expect(e.message.contains("unknown field 'colour_map' in view; did you mean 'colour-map'?"))
    #expect((e.line, e.column) == (13, 3))
    #expect(e.description.contains("\n    colour_map: magma\n    ^^^^^^^^^^"))
  }

  @Test("a value of the wrong type says what was expected and what came")
  func wrongType() throws {
    let e = try #require(error(replacing("seed: 3", with: "seed: three")))
    #expect(e.message == "seed must be a whole number ≥ 0, got 'three'")
    #expect((e.line, e.column) == (5, 7))
    let list = try #require(error(replacing("steps: 20", with: "steps: [20]")))
    #expect(list.message == "steps must be a whole number, got a list")
    #expect((list.line, list.column) == (6, 8))
  }

  @Test("an unknown optimizer gets the nearest name")
  func unknownOptimizer() throws {
    let e = try #require(error(replacing("- optimizer: pso", with: "- optimizer: psoo")))
    #expect(e.message.contains("unknown optimizer 'psoo'; did you mean 'pso'?"))
    #expect((e.line, e.column) == (8, 16))
    #expect(e.token == "psoo")
  }

  @Test("an unknown hyperparameter gets the nearest name and the known ones")
  func unknownHyperparameter() throws {
    let e = try #require(error(replacing("{omega: 0.7}", with: "{omgea: 0.7}")))
    #expect(e.message.contains("pso has no hyperparameter 'omgea'; did you mean 'omega'?"))
    #expect((e.line, e.column) == (9, 16))
  }

  @Test("an out-of-range value gives the valid range")
  func outOfRange() throws {
    let e = try #require(error(replacing("{omega: 0.7}", with: "{omega: 7}")))
    #expect(e.message.contains("omega = 7 is out of range; valid range is"))
    #expect((e.line, e.column) == (9, 23))
  }

  @Test("negative steps are refused at the number")
  func negativeSteps() throws {
    let e = try #require(error(replacing("steps: 20", with: "steps: -5")))
    #expect(e.message == "steps must be at least 0, got -5")
    #expect((e.line, e.column) == (6, 8))
    let event = try #require(error(replacing("{step: 5,", with: "{step: -5,")))
    #expect(event.message == "events[0].step must be at least 0, got -5")
    #expect((event.line, event.column) == (15, 12))
  }

  @Test("a missing landscape names the field and points at the scene")
  func missingLandscape() throws {
    let e = try #require(error(replacing("landscape:\n  function: rosenbrock\n", with: "")))
    #expect(e.message == "the scene needs the field 'landscape'")
    #expect((e.line, e.column) == (1, 1))
  }

  @Test("an unknown landscape gets the nearest name")
  func unknownLandscape() throws {
    let e = try #require(error(replacing("function: rosenbrock", with: "function: rosenbrok")))
    #expect(e.message.contains("rosenbrok"))
    #expect(e.message.contains("rosenbrock"))
    #expect((e.line, e.column) == (4, 13))
  }

  @Test("an expression's error points inside the expression")
  func expressionColumn() throws {
    let e = try #require(error(replacing("function: rosenbrock", with: "expression: \"x + * y\"")))
    #expect(e.message.contains("unexpected '*'"))
    #expect((e.line, e.column) == (4, 20))
    #expect(e.description.contains("\n    expression: \"x + * y\"\n" + String(repeating: " ", count: 21) + "^"))
  }

  @Test("an event naming a run that does not exist is refused at the id")
  func missingRun() throws {
    let e = try #require(error(replacing("{run: 1, parameter", with: "{run: 4, parameter")))
    #expect(e.message == "there is no run 4 at this point; the runs are 0, 1")
    #expect((e.line, e.column) == (15, 26))
  }

  @Test("events out of order are refused")
  func eventsOutOfOrder() throws {
    let text = Self.valid + "\n  - {step: 2, noise: 0.1}"
    let e = try #require(error(text))
    #expect(e.message.contains("comes before the previous event's step 5"))
    #expect(e.line == 16)
  }

  @Test("a newer version is refused with both versions named")
  func newerVersion() throws {
    let e = try #require(error(replacing("version: 1", with: "version: 3")))
    #expect(e.message == "this optiscope reads scene versions 1 to 2, the file is version 3")
  }

  @Test("a field given twice is refused")
  func duplicateField() throws {
    let e = try #require(error(replacing("seed: 3", with: "seed: 3\nseed: 4")))
    #expect(e.message.contains("'seed' appears twice"))
    #expect(e.line != nil)
  }

  @Test("a start with the wrong number of coordinates is refused")
  func startDimension() throws {
    let e = try #require(error(replacing("start: [-1.5, 2]", with: "start: [-1.5, 2, 3]")))
    #expect(e.message == "runs[1].start has 3 coordinates; the landscape has 2")
    #expect((e.line, e.column) == (11, 12))
  }

  @Test("an empty file says how a scene starts")
  func emptyFile() throws {
    let e = try #require(error(""))
    #expect(e.message.contains("version: 2"))
    #expect(e.line == 1)
  }
}
