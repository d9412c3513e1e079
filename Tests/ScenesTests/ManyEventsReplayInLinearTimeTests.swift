import Engine
import Exports
import OptimizerCore
import Scenes
import Testing

/// A scene with a hundred thousand events replays and renders in time
/// linear in its events: recording the trajectories once rescanned every
/// path at each event (one frame of 100 000 events took minutes).
@Suite struct ManyEventsReplayInLinearTimeTests {
  /// `count` events over `count / 4` steps, four at each step (changes of
  /// noise), so that events also pile up at one step.
  static func scene(events count: Int) -> Scene {
    let steps = count / 4
    let events = (0..<count).map { i in SceneEvent(step: i / 4, .setNoise(i % 2 == 0 ? 0.001 : 0)) }
    return Scene(
      title: "many events", landscape: .named("sphere"), seed: 1,
      runs: [RunSetup(OptimizerConfiguration("random-search")), RunSetup(OptimizerConfiguration("nelder-mead"))],
      steps: steps, events: events)
  }

  /// Seconds to replay `scene` for pictures to its end and draw its last frame.
  static func secondsToRenderTheEnd(of scene: Scene) throws -> Double {
    let elapsed = try ContinuousClock().measure {
      var frames = try SceneFrames(scene: scene)
      while try frames.advance() != nil {}
      let grid = frames.frame(width: 100, height: 30)
      #expect(grid.width == 100)
      #expect(frames.session.step == scene.steps)
      #expect(frames.player.applied == scene.events.count)
      // One point per step: what a step's events recorded replaces that step's point.
      #expect(frames.recorder.trajectory(of: 0).count == scene.steps + 1)
    }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  @Test func aHundredThousandEventsReplayHeadlessAndRenderOneFrameInTime() throws {
    let scene = Self.scene(events: 100_000)
    let replaying = try ContinuousClock().measure {
      var player = try ScenePlayer(scene: scene, logsProbes: false)
      try player.playToEnd()
      #expect(player.isAtEnd)
    }
    #expect(replaying < .seconds(30), "replaying took \(replaying)")
    let rendering = try Self.secondsToRenderTheEnd(of: scene)
    #expect(rendering < 30, "rendering took \(rendering) s")
  }

  @Test func renderingTimeGrowsLinearlyWithTheEvents() throws {
    let small = try Self.secondsToRenderTheEnd(of: Self.scene(events: 20_000))
    let large = try Self.secondsToRenderTheEnd(of: Self.scene(events: 80_000))
    // Four times the events: about four times the time, sixteen if quadratic.
    #expect(large < 8 * small + 1, "20 000 events took \(small) s, 80 000 took \(large) s")
  }
}
