import Foundation
import Scenes
import Testing

/// Scenes that users saved must keep replaying: a fixture recorded by an
/// earlier build (see its header) must still verify, bit for bit. It is
/// never re-recorded; if a deliberate change to an optimizer breaks it, that
/// change breaks users' scenes too and must say so.
@Suite("A scene recorded by an earlier build")
struct EarlierRecordingTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/recorded-by-an-earlier-build.yaml").path

  @Test("still verifies against its checksums")
  func stillVerifies() throws {
    let scene = try SceneFile.load(Self.fixture)
    let verification = try SceneChecksums.verify(scene)
    #expect(verification.passed, "\(verification.divergence.map(\.description) ?? "")")
    #expect(verification.checked > 20)
  }

  @Test("has an event of every kind, so that every command's replay is covered")
  func coversEveryEvent() throws {
    let scene = try SceneFile.load(Self.fixture)
    let kinds = Set(scene.events.map { "\($0.command)".prefix { $0 != "(" } })
    #expect(kinds == ["setHyperparameter", "swapOptimizer", "addRun", "removeRun", "moveStart", "dropParticle", "setNoise", "setLandscape", "reset"])
  }
}

/// A long recording stays small: the events and about ten checkpoints are
/// all a scene stores, whatever its length.
@Suite("A long recording")
struct LongRecordingTests {
  @Test("100 000 steps with a live change every 1000 steps make a file under 1 MB")
  func hundredThousandSteps() throws {
    let scene = try SceneBenchmark.longRecording(steps: 100_000, changeEvery: 1000)
    let text = SceneWriter.write(scene)
    #expect(scene.events.count == 99)
    #expect(text.utf8.count < 1_000_000)
    #expect(try SceneReader.read(text) == scene)
  }
}
