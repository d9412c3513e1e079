import Foundation
import OptimizerCore
import Scenes
import Testing

/// A per-axis setting typed as a list in a scene (`mean: 1;-2`) is read
/// into one setting per axis, which the writer saves and reads back.
@Suite struct PerAxisSettingRoundTripTests {
  static let text = """
    version: 1
    title: "Distribution"
    description: "A swarm drawn from a per-axis normal."
    landscape:
      function: sphere
    seed: 1
    steps: 10
    runs:
      - optimizer: pso
        settings: {init: distribution, mean: 1;-2, deviation: 0.5}
        start: [0, 0]
    """

  @Test func aListIsReadPerAxisAndRoundTrips() throws {
    let scene = try SceneReader.read(Self.text)
    let settings = scene.runs[0].configuration.settings
    #expect(settings.map(\.name) == ["init", "mean.1", "mean.2", "deviation.1", "deviation.2"])
    #expect(settings.dropFirst().map(\.value) == [1, -2, 0.5, 0.5])
    let written = SceneWriter.write(scene)
    #expect(written.contains("mean.1: 1") && written.contains("mean.2: -2"))
    #expect(try SceneReader.read(written) == scene)
  }

  @Test func aWrongCountIsRefusedAtItsValue() throws {
    let text = Self.text.replacingOccurrences(of: "mean: 1;-2", with: "mean: 1;-2;3")
    do {
      _ = try SceneReader.read(text)
      Issue.record("three means on two axes were read")
    } catch {
      #expect(error.description.hasPrefix("10:42: runs[0].settings.mean must be 2 numbers separated by ';', one per axis"))
    }
  }
}
