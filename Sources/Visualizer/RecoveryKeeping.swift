import Scenes

/// Where the recovery copy of an unsaved recording stands, so that a crash,
/// a kill or a closed terminal loses at most a couple of seconds of it.
public struct RecoveryStatus: Sendable, Hashable {
  /// The wall time between two writes while steps go on; a live change is
  /// written at once.
  public static let interval = Duration.seconds(2)

  /// False when no recovery file is kept.
  public var isKept: Bool
  /// The revision of the session the file holds (or is being written with);
  /// nil when this session wrote none, or removed it.
  public internal(set) var revision: Int?
  /// When that write was asked for.
  public internal(set) var writtenAt: ContinuousClock.Instant?
  /// Why the last write failed, while writes keep failing: the status line
  /// says so for as long as it lasts.
  public internal(set) var failure: String?

  public init(isKept: Bool = false) {
    self.isKept = isKept
  }
}

extension AppState {
  /// True while the recording has unsaved changes the recovery file does
  /// not hold yet.
  public var recoveryIsBehind: Bool {
    recovery.isKept && recovery.revision != revision && hasUnsavedChanges
  }

  /// When the next periodic recovery write is due, while one is behind.
  public var recoveryDue: ContinuousClock.Instant? {
    guard recoveryIsBehind, let written = recovery.writtenAt else { return nil }
    return written + RecoveryStatus.interval
  }

  /// The recovery file's part of a tick: write the recording when a live
  /// change happened or the last write is `interval` old; remove the file
  /// once nothing is unsaved (after a save, or stepping back to it).
  mutating func keepRecovery(at now: ContinuousClock.Instant) -> [Effect] {
    defer { liveChangePending = false }
    guard recovery.isKept else { return [] }
    guard hasUnsavedChanges else {
      guard recovery.revision != nil else { return [] }
      recovery.revision = nil
      recovery.writtenAt = nil
      recovery.failure = nil
      return [.removeRecovery]
    }
    guard recovery.revision != revision else { return [] }
    let due = recovery.writtenAt.map { now - $0 >= RecoveryStatus.interval } ?? true
    guard liveChangePending || due else { return [] }
    recovery.revision = revision
    recovery.writtenAt = now
    return [.writeRecovery(sceneToSave, revision: revision)]
  }

  /// A recovery write failed: said once in the status message, and kept
  /// on the status line until a write succeeds.
  mutating func recoveryFailed(_ reason: String) {
    if recovery.failure == nil { message = StatusMessage(reason, kind: .error) }
    recovery.failure = reason
  }
}

extension AppState {
  /// What closing the visualizer does to the recovery file: a quit removes
  /// it (only one this session wrote), a signal brings it up to date.
  mutating func recoveryOnClose(quitting: Bool) -> [Effect] {
    guard recovery.isKept else { return [] }
    if quitting || !hasUnsavedChanges {
      guard recovery.revision != nil else { return [] }
      recovery.revision = nil
      return [.removeRecovery]
    }
    guard recovery.revision != revision else { return [] }
    recovery.revision = revision
    return [.writeRecovery(sceneToSave, revision: revision)]
  }
}
