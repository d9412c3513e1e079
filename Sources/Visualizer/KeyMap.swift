import Rendering

/// The one key table: it drives input (`action(for:)`), the `?` overlay
/// (`help`) and docs/KEYS.md (`markdown`), so the three cannot disagree.
///
/// The arrows belong to the hyperparameter panel, the thing users change
/// most while a run goes on; the map pans with h j k l instead, so the
/// landscape picker moves from `l` to `L`.
public enum KeyMap {
  public static let bindings: [KeyBinding] = [
    KeyBinding(.running, [.character(" ")], "pause or resume", action: .togglePause),
    KeyBinding(
      .running, [.character("."), .character(","), .pageDown, .pageUp], label: ". , PgDn PgUp",
      "step on, back; ten steps (pauses)",
      actionFor: { key in
        switch key {
        case .character(","): return .stepBack
        case .pageDown: return .jumpSteps(10)
        case .pageUp: return .jumpSteps(-10)
        default: return .stepForward
        }
      }),
    KeyBinding(
      .running, [.character("+"), .character("="), .character("-")], label: "+ -", "faster, slower",
      actionFor: { key in key == .character("-") ? .slower : .faster }),
    KeyBinding(
      .running, [.character("r"), .character("R")], label: "r R", "reset (R: new seed)",
      actionFor: { key in key == .character("R") ? .resetWithNewSeed : .reset }),
    KeyBinding(
      .running, [.character("E"), .character("u")], label: "E u",
      "evaluation steps on/off; u takes the next step apart (← → stages, [ ] particle, esc leaves)",
      actionFor: { key in key == .character("u") ? .toggleSubsteps : .toggleEvaluationStepping }),

    KeyBinding(.scenes, [.character("s")], "save the scene", action: .save),
    KeyBinding(.scenes, [.character("g")], "go to a step", action: .openGoToStep),
    KeyBinding(
      .scenes, [.character("b"), .character("B")], label: "b B", "breakpoint (B: clear)",
      actionFor: { key in key == .character("B") ? .clearBreakpoints : .openBreakpointEntry }),
    KeyBinding(
      .scenes, [.character("i"), .character("["), .character("]")], label: "i [ ]", "inspector, its particles",
      actionFor: { key in
        switch key {
        case .character("["): return .selectParticle(offset: -1)
        case .character("]"): return .selectParticle(offset: 1)
        default: return .toggleInspector
        }
      }),

    KeyBinding(.runs, [.tab], "select the next run", action: .selectNextRun),
    KeyBinding(
      .runs, (1...9).map { Key.character(Character(String($0))) }, label: "1–9", "select run 1…9",
      actionFor: { key in
        if case .character(let c) = key, let n = c.wholeNumberValue { return .selectRun(number: n) }
        return .selectNextRun
      }),
    KeyBinding(.runs, [.character("a")], "add a run", action: .openAddRunPicker),
    KeyBinding(.runs, [.character("x")], "remove the selected run", action: .removeSelectedRun),
    KeyBinding(.runs, [.character("o")], "swap its optimizer", action: .openSwapPicker),

    KeyBinding(.hyperparameters, [.up], label: "↑ ↓", "select a hyperparameter", action: .selectPreviousParameter),
    KeyBinding(.hyperparameters, [.down], label: "", "", action: .selectNextParameter),
    KeyBinding(
      .hyperparameters, [.left, .right], label: "← →", "one notch (log: 1, 2, 5)",
      actionFor: { key in .nudgeParameter(direction: key == .left ? -1 : 1, coarse: false) }),
    KeyBinding(
      .hyperparameters, [.shiftLeft, .shiftRight], label: "shift ← →", "ten notches (log: ×10)",
      actionFor: { key in .nudgeParameter(direction: key == .shiftLeft ? -1 : 1, coarse: true) }),
    KeyBinding(.hyperparameters, [.enter], "type an exact value", action: .editParameter),
    KeyBinding(.hyperparameters, [.character("d")], "reset it to its default", action: .resetParameter),

    KeyBinding(.landscape, [.character("L")], "landscape picker", action: .openLandscapePicker),
    KeyBinding(
      .landscape, [.character("e"), .character("n")], label: "e n", "type f(x, y), noise σ",
      actionFor: { key in key == .character("n") ? .editNoise : .editExpression }),
    // The selected axis is the one A last moved to (x at first); the status
    // line names it and its kind.
    KeyBinding(
      .landscape, [.character("A"), .character("K")], label: "A K", "next axis, cycle kind",
      actionFor: { key in key == .character("A") ? .selectNextAxis : .cycleAxisKind }),

    KeyBinding(
      .view, [.character("h"), .character("j"), .character("k"), .character("l")], label: "h j k l",
      "pan ← ↓ ↑ →",
      actionFor: { key in
        switch key {
        case .character("h"): return .pan(dx: -0.1, dy: 0)
        case .character("j"): return .pan(dx: 0, dy: -0.1)
        case .character("k"): return .pan(dx: 0, dy: 0.1)
        default: return .pan(dx: 0.1, dy: 0)
        }
      }),
    KeyBinding(
      .view, [.character("z"), .character("Z"), .character("0")], label: "z Z 0", "zoom in, out; fit domain",
      actionFor: { key in
        key == .character("0") ? .fitDomain : .zoom(factor: key == .character("Z") ? 1 / 1.5 : 1.5, about: nil)
      }),
    KeyBinding(
      .view, [.character("c"), .character("C")], label: "c C", "colour map, scale",
      actionFor: { key in key == .character("C") ? .cycleScale : .cycleColourMap }),
    KeyBinding(
      .view, [.character("t"), .character("p"), .character("v")], label: "t p v",
      "trails, probes, vectors (all runs, none, selected run)",
      actionFor: { key in
        switch key {
        case .character("t"): return .toggleTrails
        case .character("p"): return .toggleProbes
        default: return .cycleOverlays
        }
      }),
    KeyBinding(
      .view, [.character("#"), .character("f")], label: "# f", "contours, gradient field",
      actionFor: { key in key == .character("#") ? .toggleContours : .toggleGradientField }),
    KeyBinding(
      .view, [.character("W"), .character("X")], label: "W X", "what-if path, race axis",
      actionFor: { key in key == .character("W") ? .toggleWhatIf : .toggleRaceAxis }),
    // A landscape of more than two dimensions shows a plane through them.
    KeyBinding(
      .view, [.character("<"), .character(">"), .character("{"), .character("}"), .character("P"), .character("O")],
      label: "< > { } P O",
      "n-D plane: its first axis, second axis; basis (axes, principal, random); through (best, leader, fixed)",
      actionFor: { key in
        switch key {
        case .character("<"): return .movePlaneAxis(second: false, offset: -1)
        case .character(">"): return .movePlaneAxis(second: false, offset: 1)
        case .character("{"): return .movePlaneAxis(second: true, offset: -1)
        case .character("}"): return .movePlaneAxis(second: true, offset: 1)
        case .character("P"): return .cyclePlaneBasis
        default: return .cyclePlaneThrough
        }
      }),

    KeyBinding(.general, [.character("w")], "what this scene shows", action: .toggleCaption),
    KeyBinding(.general, [.character("?")], "this help (space: its next page)", action: .toggleHelp),
    KeyBinding(.general, [.character("q")], "quit (asks if unsaved)", action: .quit),
  ]

  /// What the mouse does (not keys, but listed with them).
  public static let mouse: [(label: String, description: String)] = [
    ("wheel", "zoom at the pointer"),
    ("click", "restart the run there"),
    ("right-click", "drop a particle there"),
  ]

  /// The action of a key, or nil when the key does nothing.
  public static func action(for key: Key) -> Action? {
    for binding in bindings where binding.keys.contains(key) { return binding.action(key) }
    return nil
  }

  /// The rows of the `?` overlay, in table order; the mouse last.
  public static var help: [KeyHelp] {
    var rows: [KeyHelp] = []
    for binding in bindings where !binding.label.isEmpty {
      rows.append(KeyHelp(section: binding.section.rawValue, keys: binding.label, description: binding.description))
    }
    for (label, description) in mouse {
      rows.append(KeyHelp(section: KeySection.mouse.rawValue, keys: label, description: description))
    }
    return rows
  }

  /// docs/KEYS.md, generated from the table.
  public static func markdown() -> String {
    var text = """
      # Keys

      Generated from the visualizer's key table (`Sources/Visualizer/KeyMap.swift`),
      which also drives the `?` overlay; a test keeps this page equal to it.

      """
    for section in KeySection.allCases {
      let rows = help.filter { $0.section == section.rawValue }
      guard !rows.isEmpty else { continue }
      text += "\n## \(section.rawValue)\n\n| keys | what they do |\n|---|---|\n"
      for row in rows { text += "| `\(row.keys)` | \(row.description) |\n" }
    }
    return text
  }
}
