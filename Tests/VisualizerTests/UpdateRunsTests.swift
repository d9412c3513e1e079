import Engine
import OptimizerCore
import Testing
import Visualizer

/// Run keys: select, add through the picker, remove, swap.
@Suite struct UpdateRunsTests {
  @Test func tabAndNumbersSelectRuns() throws {
    var state = try testState(["adam", "pso", "spsa"])
    update(&state, .selectNextRun)
    #expect(state.selectedRun == 1)
    update(&state, .selectRun(number: 3))
    #expect(state.selectedRun == 2)
    update(&state, .selectNextRun)
    #expect(state.selectedRun == 0)
    update(&state, .selectRun(number: 8))
    #expect(state.selectedRun == 0 && state.message?.kind == .error)
  }

  /// Numbers are the runs' own: removing run 2 leaves runs 1 and 3, and 3
  /// selects the run labelled 3, which the status line names with its place.
  @Test func numbersSelectRunsByTheirLabelAfterARemoval() throws {
    var state = try testState(["adam", "pso", "spsa"])
    update(&state, .selectRun(number: 2))
    update(&state, .removeSelectedRun)
    update(&state, .selectRun(number: 2))
    #expect(state.message?.text == "there is no run 2; the runs are 1, 3")
    update(&state, .selectRun(number: 3))
    #expect(state.run?.number == 3 && state.selectedRun == 1)
    var program = VisualizerProgram(state: state)
    let screen = program.render(width: 120, height: 40, profile: .standard).plainText
    #expect(screen.contains("run 3 (2 of 2) spsa"), "\(screen)")
  }

  @Test func addingARunGoesThroughAFuzzyPicker() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    type("smann", on: &state)
    guard case .picker(let picker) = state.modal else { Issue.record("no picker"); return }
    #expect(picker.chosen?.name == "simulated-annealing")
    press(.enter, on: &state)
    #expect(state.modal == nil)
    #expect(state.session.runs.map(\.optimizer.kind.name) == ["adam", "pso", "simulated-annealing"])
    #expect(state.selectedRun == 2)
  }

  @Test func descentAsksForItsParts() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    type("descent", on: &state)
    press(.enter, on: &state)
    type("spsa", on: &state)
    press(.enter, on: &state)
    type("adam", on: &state)
    press(.enter, on: &state)
    type("undo", on: &state)
    press(.enter, on: &state)
    type("done", on: &state)
    press(.enter, on: &state)
    let added = try #require(state.session.runs.last?.optimizer.kind)
    #expect(added.parts == DescentParts(gradient: "spsa", update: "adam", guards: ["undo"]))
  }

  /// Each gradient source, update rule and guard is listed with its one
  /// line from the registry, so the picker says what a part does.
  @Test func everyPartInThePickersHasItsDescription() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    type("descent", on: &state)
    press(.enter, on: &state)
    for (choice, parts) in [
      ("spsa", DescentParts.gradientSources), ("adam", DescentParts.updateRules), ("undo", DescentParts.stepGuards),
    ] {
      guard case .picker(let picker) = state.modal else { Issue.record("no parts picker before \(choice)"); return }
      for part in parts {
        #expect(!part.summary.isEmpty, "\(part.name) has no description")
        let item = picker.items.first { $0.name == part.name }
        #expect(item?.detail == part.summary, "\(part.name) in '\(picker.title)'")
      }
      type(choice, on: &state)
      press(.enter, on: &state)
    }
  }

  /// Every entry that takes parts asks for them, not only descent: adding
  /// or swapping to the gravity swarm goes through the same pickers.
  @Test(arguments: [false, true])
  func theGravitySwarmAsksForItsParts(forSwap: Bool) throws {
    var state = try testState()
    update(&state, forSwap ? .openSwapPicker : .openAddRunPicker)
    type("gravity-swarm", on: &state)
    press(.enter, on: &state)
    guard case .picker(let picker) = state.modal else { Issue.record("no parts picker"); return }
    #expect(picker.title.contains("gravity-swarm") && picker.title.contains("gradient source"))
    #expect(picker.items.first?.name == "defaults", "its own parts come first")
    #expect(DescentParts.gradientNames.allSatisfy { name in picker.items.contains { $0.name == name } })
    for part in ["spsa", "momentum", "undo", "done"] {
      type(part, on: &state)
      press(.enter, on: &state)
    }
    #expect(state.modal == nil)
    let run = try #require(forSwap ? state.session.runs.first : state.session.runs.last)
    #expect(run.optimizer.kind.name == "gravity-swarm")
    #expect(run.optimizer.kind.parts == DescentParts(gradient: "spsa", update: "momentum", guards: ["undo"]))
    #expect(state.session.runs.count == (forSwap ? 2 : 3))
  }

  /// An entry with parts of its own keeps them with one enter; every
  /// entry that takes parts opens the parts picker.
  @Test func anEntryWithItsOwnPartsKeepsThemWithOneEnter() throws {
    var checked: [String] = []
    for entry in OptimizerRegistry.entries where entry.takesParts {
      var state = try testState()
      update(&state, .openAddRunPicker)
      type(entry.name, on: &state)
      guard case .picker(let names) = state.modal, names.chosen?.name == entry.name else { continue }
      checked.append(entry.name)
      press(.enter, on: &state)
      guard case .picker(let parts) = state.modal else { Issue.record("\(entry.name) asks for no parts"); continue }
      #expect(parts.purpose == .descentGradient(forSwap: false, optimizer: entry.name))
      if entry.asksForParts { continue }
      press(.enter, on: &state)
      #expect(state.modal == nil)
      let added = try #require(state.session.runs.last?.optimizer.kind)
      #expect(added == (try OptimizerRegistry.resolve(OptimizerKind(name: entry.name))), "\(entry.name)")
    }
    #expect(checked == OptimizerRegistry.entries.filter(\.takesParts).map(\.name), "the filter finds each by its name")
    #expect(checked.contains("gravity-swarm") && checked.contains("descent"))
  }

  @Test func escapeClosesThePickerWithoutChange() throws {
    var state = try testState()
    update(&state, .openAddRunPicker)
    press(.down, .escape, on: &state)
    #expect(state.modal == nil && state.session.runs.count == 2)
  }

  @Test func removingTheSelectedRunKeepsTheLastOne() throws {
    var state = try testState()
    update(&state, .selectRun(number: 2))
    update(&state, .removeSelectedRun)
    #expect(state.session.runs.map(\.optimizer.kind.name) == ["adam"])
    #expect(state.selectedRun == 0)
    update(&state, .removeSelectedRun)
    #expect(state.session.runs.count == 1 && state.message?.kind == .error)
  }

  @Test func swappingChangesTheNameAndKeepsThePosition() throws {
    var state = try testState(["adam"])
    for _ in 0..<3 { update(&state, .stepForward) }
    let position = try #require(state.run?.optimizer.particles.first?.position)
    update(&state, .openSwapPicker)
    type("random-search", on: &state)
    press(.enter, on: &state)
    #expect(state.run?.optimizer.kind.name == "random-search")
    #expect(state.run?.optimizer.particles.first?.position == position)
  }
}
