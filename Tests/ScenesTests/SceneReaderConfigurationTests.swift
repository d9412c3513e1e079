import Engine
import OptimizerCore
import Scenes
import Testing

/// The reader checks optimizers with `OptimizerChoice`, as the command line
/// does, and takes run ids from the session its events build.
@Suite("The scene reader checks optimizers as the command line does")
struct SceneReaderConfigurationTests {
  /// A scene with one run given by `run` (YAML flow mapping fields) and `events`.
  func scene(run: String, events: String = "") -> String {
    """
    version: 1
    title: Configurations
    landscape:
      function: himmelblau
    seed: 1
    steps: 10
    runs:
      - {\(run)}
    \(events.isEmpty ? "" : "events:\n" + events)
    """
  }

  func readError(_ text: String) -> SceneError? {
    do {
      _ = try SceneReader.read(text)
      Issue.record("the scene was accepted:\n\(text)")
      return nil
    } catch {
      return error
    }
  }

  static let himmelblau = Domain.cube(-5, 5, dimension: 2)

  @Test("a run reads as the choice the command line would make of the same words")
  func sameConfiguration() throws {
    let read = try SceneReader.read(
      scene(run: "optimizer: gravity-swarm, parts: {update: adam}, settings: {members: 12, lr: 0.01}"))
    let choice = OptimizerChoice(
      "gravity-swarm", parts: .init(update: "adam"),
      settings: [HyperparameterSetting("members", "12"), HyperparameterSetting("lr", "0.01")])
    #expect(read.runs[0].configuration == (try choice.configuration(on: Self.himmelblau)))
  }

  @Test(
    "a bad name, part or setting gives the command line's message, at the field that named it",
    arguments: [
      ("optimizer: psoo", OptimizerChoice("psoo"), "psoo"),
      ("optimizer: pso, parts: {gradient: spsa}", OptimizerChoice("pso", parts: .init(gradient: "spsa")), "{gradient: spsa}"),
      ("optimizer: descent, parts: {update: adma}", OptimizerChoice("descent", parts: .init(update: "adma")), "{update: adma}"),
      ("optimizer: pso, settings: {omgea: 0.5}", OptimizerChoice("pso", settings: [.init("omgea", "0.5")]), "omgea"),
      ("optimizer: pso, settings: {particles: 0}", OptimizerChoice("pso", settings: [.init("particles", "0")]), "0"),
    ])
  func sameError(run: String, choice: OptimizerChoice, at token: String) throws {
    let e = try #require(readError(scene(run: run)))
    do {
      _ = try choice.configuration(on: Self.himmelblau)
      Issue.record("the choice was accepted")
    } catch {
      #expect(e.message == error.description)
    }
    #expect(e.line == 8)
    let line = "  - {\(run)}"
    let column = try #require(line.range(of: token)).lowerBound.utf16Offset(in: line) + 1
    #expect(e.column == column)
  }

  @Test("an unreadable value says what the parameter takes, at the value")
  func unreadableValue() throws {
    let e = try #require(readError(scene(run: "optimizer: pso, settings: {omega: fast}")))
    #expect(e.message == "runs[0].settings.omega must be a number, got 'fast'")
    #expect(e.column == 40)
  }

  @Test("run ids come from the session: an added run gets the next id, never a removed one's")
  func runIDsFromTheSession() throws {
    let events = """
        - {step: 1, add-run: {optimizer: adam}}
        - {step: 2, remove-run: 1}
        - {step: 3, add-run: {optimizer: nelder-mead}}
        - {step: 4, set: {run: 2, parameter: size, value: 0.5}}
      """
    let read = try SceneReader.read(scene(run: "optimizer: pso", events: events))
    #expect(read.events.last?.command == .setHyperparameter(run: 2, name: "size", value: 0.5))
    var player = try ScenePlayer(scene: read)
    try player.playToEnd()
    #expect(player.session.runs.map(\.id) == [0, 2])

    let stale = events.replacingOccurrences(of: "set: {run: 2", with: "set: {run: 1")
    let e = try #require(readError(scene(run: "optimizer: pso", events: stale)))
    #expect(e.message == "there is no run 1 at this point; the runs are 0, 2")
  }

  @Test("a set event is checked against the run's optimizer after a swap")
  func setAfterSwap() throws {
    let events = """
        - {step: 1, swap: {run: 0, optimizer: adam}}
        - {step: 2, set: {run: 0, parameter: omega, value: 0.5}}
      """
    let e = try #require(readError(scene(run: "optimizer: pso", events: events)))
    #expect(e.message.hasPrefix("adam has no hyperparameter 'omega'"))
    #expect(e.line == 11)
  }
}
