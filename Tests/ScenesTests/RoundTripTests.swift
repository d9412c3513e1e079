import Engine
import OptimizerCore
import Scenes
import Testing

@Suite("A saved scene reads back equal")
struct RoundTripTests {
  @Test("every field and every kind of event survives writing and reading")
  func everyEventRoundTrips() throws {
    let scene = try SceneChecksums.recorded(for: SampleScenes.everyEvent)
    let text = SceneWriter.write(scene)
    let read = try SceneReader.read(text)
    #expect(SceneWriter.write(read) == text)
    #expect(read == scene, "the scene read back differs from the one written")
  }

  @Test("a scene with its checksums verifies, and a changed checksum is reported")
  func checksumsVerify() throws {
    var scene = try SceneChecksums.recorded(for: SampleScenes.everyEvent)
    #expect(try SceneChecksums.verify(scene).passed)
    scene.checksums!.entries[3].bestLoss! *= 1.000001
    let verification = try SceneChecksums.verify(scene)
    #expect(verification.checked == 3)
    #expect(verification.divergence?.expected == scene.checksums!.entries[3])
  }
}

@Suite("Curated scenes read back equal after writing")
struct CuratedRoundTripTests {
  @Test("every curated scene survives the writer", arguments: SceneLibrary.names)
  func roundTrips(name: String) throws {
    let scene = try #require(SceneLibrary.curated(name)).load()
    #expect(try SceneReader.read(SceneWriter.write(scene)) == scene, "\(name)")
  }
}
