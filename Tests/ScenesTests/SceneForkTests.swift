import Engine
import Scenes
import Testing

/// A saved fork keeps its origin's title, marked "(edited)", and says what
/// it holds instead of the origin's description.
@Suite struct SceneForkTests {
  static let origin = """
    version: 2
    title: Two runs
    description: At step 2 the swarm's inertia drops to 0.5; watch it settle.
    landscape:
      function: sphere
    seed: 4
    steps: 10
    runs:
      - optimizer: adam
      - optimizer: pso
    events:
      - {step: 2, set: {run: 2, parameter: omega, value: 0.5}}
    """

  @Test func aForkIsTitledAfterItsOriginAndSaysWhatItHolds() throws {
    let scene = try SceneReader.read(Self.origin)
    var player = try ScenePlayer(scene: scene, historyDepth: 100)
    for _ in 0..<1 { try player.stepForward() }
    try player.record(.removeRun(0))
    let fork = player.recording
    #expect(fork.title == "Two runs (edited)")
    #expect(
      fork.description
        == "Edited from \"Two runs\" at step 1: none of its live changes were kept, 1 later one dropped. "
        + "Then: remove run 1 (step 1).")
    #expect(!fork.description.contains("watch it settle"), "the origin promised an event the fork dropped")
    #expect(player.recording == fork)
    var again = try ScenePlayer(scene: fork, historyDepth: 100)
    try again.record(.setNoise(0.1))
    #expect(again.recording.title == "Two runs (edited)", "the mark is added once")
  }
}
