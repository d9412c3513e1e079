import Scenes

/// A save under way: its checksums are being taken by replaying the scene
/// in the background while the screen goes on answering keys.
public struct SaveInProgress: Sendable, Hashable, CustomStringConvertible {
  /// Names the job in the effects and in the actions that report on it.
  public var job: Int
  /// The file, as typed, for the status line.
  public var path: String
  /// The share of the scene replayed so far, 0…1.
  public var fraction: Double
  /// The recording being saved: once it is written, "unsaved" compares with it.
  var recording: Scene
  /// Quit once it is written: the answer to the quit question, or `q`
  /// pressed while the save ran.
  var thenQuit: Bool

  /// "saving tour-2.yaml … 40 %".
  public var description: String { "saving \(path) … \(Int((fraction * 100).rounded(.down))) %" }
}
