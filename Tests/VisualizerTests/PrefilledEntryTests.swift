import Testing
import Visualizer

/// A field that opens with a value (the noise, a hyperparameter, a file
/// name) is replaced by what is typed, as a selected value is; backspace
/// edits it instead, and a typed expression always opens for editing.
@Suite struct PrefilledEntryTests {
  static func text(of state: AppState) -> String? {
    if case .textEntry(let entry) = state.modal { return entry.text }
    return nil
  }

  @Test func typingReplacesTheNoiseItOpenedWith() throws {
    var state = try testState()
    press(.character("n"), on: &state)
    #expect(Self.text(of: state) == "0")
    type("0.5", on: &state)
    #expect(Self.text(of: state) == "0.5", "not 00.5")
  }

  @Test func typingReplacesAHyperparameterItsValue() throws {
    var state = try testState()
    press(.enter, on: &state)
    let opened = try #require(Self.text(of: state))
    #expect(!opened.isEmpty)
    type("0.2", on: &state)
    #expect(Self.text(of: state) == "0.2")
  }

  @Test func backspaceEditsTheValueInstead() throws {
    var state = try testState()
    press(.enter, on: &state)
    let opened = try #require(Self.text(of: state))
    press(.backspace, on: &state)
    type("9", on: &state)
    #expect(Self.text(of: state) == String(opened.dropLast()) + "9")
  }

  @Test func anExpressionOpensForEditing() throws {
    var state = try testState()
    press(.character("e"), on: &state)
    let opened = try #require(Self.text(of: state))
    type(" + 1", on: &state)
    #expect(Self.text(of: state) == opened + " + 1")
  }
}
