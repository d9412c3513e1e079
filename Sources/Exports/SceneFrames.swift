import Engine
import External
import OptimizerCore
import Rendering
import Scenes

/// A scene replayed headless for pictures: the player, and a recorder fed
/// after every move so that frames have their trails and trajectories.
/// Frames are drawn with the scene's view (colour map, scale, viewport,
/// layers, contours); the status line names the scene.
public struct SceneFrames: Sendable {
  public private(set) var player: ScenePlayer
  public private(set) var recorder: SessionRecorder
  private var renderer = FrameRenderer()

  /// `external` as `ScenePlayer` takes it: a recorded scene renders from
  /// its tapes alone; one made from command-line options runs its process.
  public init(scene: Scene, external: ExternalTapes.Policy = .recordedOnly) throws(SceneError) {
    player = try ScenePlayer(scene: scene, external: external)
    recorder = SessionRecorder()
    recorder.record(player.session)
  }

  public var session: Session { player.session }

  /// One move of the replay (`ScenePlayer.advance()`), recorded.
  @discardableResult
  public mutating func advance() throws(SceneError) -> ScenePlayer.Move? {
    guard let move = try player.advance() else { return nil }
    recorder.record(player.session)
    return move
  }

  /// Plays until the step counter first reads `step` (the events stamped
  /// with that step still wait, as they do on the screen). A reset starts
  /// the count again, so this is the first epoch that reaches `step`.
  /// Throws when the scene ends first.
  public mutating func play(toStep step: Int) throws(SceneError) {
    while player.session.step != step {
      guard try advance() != nil else {
        let epoch = player.epoch == 0 ? "" : " of epoch \(player.epoch)"
        throw SceneError("the scene ends at step \(player.session.step)\(epoch) and never reaches step \(step)")
      }
    }
  }

  /// What frames show around the map: the mode badge `mode`, and the
  /// epoch (after a restart) and title as facts. The map itself is drawn
  /// with the scene's view. The title comes from a file, and text and
  /// ANSI frames are printed and played as they are drawn, so its control
  /// characters show escaped (`\u{1B}`).
  public func chrome(mode: String) -> FrameChrome {
    let epoch = player.epoch == 0 ? [] : ["epoch \(player.epoch)"]
    let title = player.scene.title.isEmpty ? [] : [player.scene.title.escapingControlCharacters()]
    return FrameChrome(mode: mode, statusFacts: epoch + title)
  }

  /// The frame as it stands, `width`×`height` cells.
  public mutating func frame(width: Int, height: Int, mode: String = "replay") -> CellGrid {
    renderer.render(
      player.session, recorder: recorder, view: player.scene.view, chrome: chrome(mode: mode), width: width, height: height)
  }

  /// The frame as an SVG picture (which has no status line), titled with the scene's title (if it
  /// has one) and the landscape's.
  public func svg() -> String {
    var content = FrameContent(session: player.session, recorder: recorder)
    if !player.scene.title.isEmpty { content.landscape.title = "\(player.scene.title) — \(content.landscape.title)" }
    return SVGExporter(content: content, view: player.scene.view).render()
  }
}
