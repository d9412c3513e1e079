import Engine
import Foundation
import OptimizerCore
import Scenes
import Testing

/// Runs are numbered from 1 in scene files (version 2), breakpoints and
/// messages; a version 1 file, which numbered them from 0, still reads.
@Suite struct RunNumberingTests {
  static func text(version: Int, firstRun: Int) -> String {
    """
    version: \(version)
    title: Two runs
    landscape:
      function: sphere
    seed: 4
    steps: 10
    runs:
      - optimizer: adam
      - optimizer: pso
    events:
      - {step: 2, set: {run: \(firstRun + 1), parameter: omega, value: 0.5}}
    """
  }

  @Test func versionOneNamesRunsFromZeroAndVersionTwoFromOne() throws {
    let old = try SceneReader.read(Self.text(version: 1, firstRun: 0))
    let new = try SceneReader.read(Self.text(version: 2, firstRun: 1))
    #expect(old.events == new.events)
    #expect(new.events.first?.command == .setHyperparameter(run: 1, name: "omega", value: 0.5))
  }

  @Test func aVersionOneSceneIsWrittenBackAsVersionTwo() throws {
    let scene = try SceneReader.read(Self.text(version: 1, firstRun: 0))
    let written = SceneWriter.write(scene)
    #expect(written.hasPrefix("version: 2\n"))
    #expect(written.contains("set: {run: 2, parameter: omega"))
    #expect(try SceneReader.read(written) == scene)
  }

  @Test func aRunPastTheLastIsAnErrorNamingTheRunsByNumber() throws {
    let text = Self.text(version: 2, firstRun: 1).replacingOccurrences(of: "{run: 2,", with: "{run: 3,")
    let error = #expect(throws: SceneError.self) { try SceneReader.read(text) }
    #expect(error?.message.contains("there is no run 3 at this point; the runs are 1, 2") == true)
  }

  @Test func checksumsSplicedIntoAVersionOneFileKeepItsNumbering() throws {
    let text = Self.text(version: 1, firstRun: 0)
    let recorded = try SceneChecksums.recorded(for: try SceneReader.read(text), interval: 5)
    let spliced = ChecksumsSection.replacing(in: text, with: recorded)
    #expect(spliced.contains("run: 0,") && !spliced.contains("run: 2,"))
    #expect(try SceneReader.read(spliced) == recorded)
  }

  @Test func aBreakpointCountsRunsFromOne() throws {
    #expect(try Breakpoint.parse("run 1 best < 1").run == 0)
    #expect(throws: BreakpointError.self) { try Breakpoint.parse("run 0 best < 1") }
  }
}
