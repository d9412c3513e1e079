import Engine
import OptimizerCore
import Rendering
import Testing

/// The annealing panel draws the temperature's course over the steps as a
/// curve under its gauge, and the curve falls as T cools.
@Suite struct AnnealingPanelTests {
  /// The topmost braille dot row (0…3) of a cell, nil for an empty or
  /// non-braille cell.
  static func topDot(_ glyph: Character) -> Int? {
    guard let value = glyph.unicodeScalars.first?.value, (0x2801...0x28FF).contains(value) else { return nil }
    let bits = value - 0x2800
    let rows: [UInt32] = [0x01 | 0x08, 0x02 | 0x10, 0x04 | 0x20, 0x40 | 0x80]
    return rows.firstIndex { bits & $0 != 0 }
  }

  @Test(arguments: ["simulated-annealing", "threshold-accepting"])
  func thePanelDrawsTheTemperatureFallingAsACurve(optimizer: String) throws {
    var session = try Session(
      landscape: .named("rastrigin"), runs: [RunSetup(OptimizerConfiguration(optimizer), start: [3, 3])], seed: 5)
    for _ in 0..<1000 { session.stepForward() }
    let run = FrameContent(session: session).runs[0]
    let level = try #require(run.layer.inspection.readouts.first)
    #expect(level.history.count >= 2 && level.history.count <= 128)
    #expect(level.history.first! > 10 * level.history.last!, "T falls over 1000 steps")
    #expect(zip(level.history, level.history.dropFirst()).allSatisfy { $0 >= $1 })

    var grid = CellGrid(width: 44, height: RunPanel.preferredHeight(run, detail: .full))
    RunPanel.draw(run, detail: .full, selectedParameter: nil, fStar: 0, into: &grid, rect: Rect(width: 44, height: grid.height))
    let lines = grid.lines()
    let row = try #require(lines.firstIndex { $0.contains("\(level.symbol)(k)") }, "the curve's row is labelled")
    let gaugeRow = try #require(lines.firstIndex { $0.contains("│ \(level.symbol) ") })
    #expect(row == gaugeRow + 2, "the curve sits under its gauge and the row that labels its ends")
    // The gauge's log scale runs up to T₀, both ends labelled.
    let range = try #require(level.gauge)
    #expect(lines[gaugeRow + 1].contains(compactNumber(range.lowerBound)), "\(lines[gaugeRow + 1])")
    #expect(lines[gaugeRow + 1].contains(compactNumber(range.upperBound)), "\(lines[gaugeRow + 1])")
    let dots = lines[row].map(Self.topDot)
    let first = try #require(dots.firstIndex { $0 != nil }), last = try #require(dots.lastIndex { $0 != nil })
    #expect(last - first > 20, "the curve spans the panel")
    #expect(dots[first]! < dots[last]!, "it starts high and ends low")
    #expect(lines.contains { $0.contains("t0") || $0.contains("tau0") }, "the table still fits")
  }
}
