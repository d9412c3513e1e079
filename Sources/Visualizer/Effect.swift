import Rendering
import Scenes

/// What `update` asks the loop to do outside the state: the file work and
/// the background jobs. The loop performs each effect and feeds its outcome
/// back as an action (`saveFinished`, `recoveryFailed` …), so `update`
/// itself touches no file and reads no clock.
public enum Effect: Sendable, Hashable {
  /// Takes the scene's checksums by replaying it (in the background: the
  /// screen keeps answering), then writes it atomically to `path`.
  /// Reports `saveProgressed`, then `saveFinished` or `saveFailed`.
  case saveScene(job: Int, scene: Scene, path: String)
  /// Stops a save still taking checksums; nothing is written.
  case cancelSave(job: Int)
  /// Writes the unsaved recording to the recovery file. Reports
  /// `recoveryWritten` or `recoveryFailed`.
  case writeRecovery(Scene, revision: Int)
  /// Removes the recovery file this session wrote: nothing is unsaved.
  case removeRecovery
  /// Samples a remote function's heat map on a thread of its own
  /// (`BackgroundMap`). Reports `mapSampled` after every batch.
  case sampleMap(job: Int, request: MapSampleRequest)
  /// Stops a sampling job after its current batch.
  case cancelSampling(job: Int)
}
