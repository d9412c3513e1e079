import Engine
import OptimizerCore

/// Takes a scene's checksums and checks a replay against them.
///
/// Both play the scene from step 0 without a screen and note every run's
/// best loss and position whenever the step is a multiple of K, then once
/// more at the end: the same procedure on both sides, so that the lists
/// compare entry by entry.
public enum SceneChecksums {
  /// The scene with fresh checksums, every `interval` steps (by default
  /// about twenty over the scene).
  public static func recorded(for scene: Scene, interval: Int? = nil) throws(SceneError) -> Scene {
    // Without a progress report nothing can stop the replay.
    try recorded(for: scene, interval: interval) { _ in true }!
  }

  /// The same, telling `progress` the share of the scene's iterations
  /// played so far (0…1, about a hundred times over the scene), which
  /// answers false to stop: the result is then nil.
  public static func recorded(
    for scene: Scene, interval: Int? = nil, progress: (Double) -> Bool
  ) throws(SceneError) -> Scene? {
    let k = interval ?? Checksums.interval(forSteps: scene.steps)
    guard let entries = try take(scene, interval: k, until: nil, progress: progress) else { return nil }
    var copy = scene
    copy.checksums = Checksums(interval: k, entries: entries)
    return copy
  }

  /// Replays the scene (up to the first time it reaches step `until`, if
  /// given) and compares every checksum met on the way.
  public static func verify(_ scene: Scene, until: Int? = nil) throws(SceneError) -> Verification {
    guard let expected = scene.checksums else {
      throw SceneError("the scene has no checksums to verify; save it from optiscope or run 'optiscope replay --record'")
    }
    let got = try take(scene, interval: expected.interval, until: until) { _ in true }!
    for index in got.indices {
      guard index < expected.entries.count else {
        return Verification(checked: index, divergence: Divergence(expected: nil, got: got[index]))
      }
      let want = expected.entries[index]
      guard want.epoch == got[index].epoch, want.step == got[index].step, want.run == got[index].run,
        want.matches(got[index])
      else {
        return Verification(checked: index, divergence: Divergence(expected: want, got: got[index]))
      }
    }
    if until == nil, got.count < expected.entries.count {
      return Verification(checked: got.count, divergence: Divergence(expected: expected.entries[got.count], got: nil))
    }
    return Verification(checked: got.count, divergence: nil)
  }

  /// Plays the scene headless and notes the checksums; nil when `progress`
  /// answered false.
  static func take(
    _ scene: Scene, interval: Int, until: Int?, progress: (Double) -> Bool
  ) throws(SceneError) -> [Checksum]? {
    var player = try ScenePlayer(scene: scene, logsProbes: false, keepsTraces: false)
    let total = max(scene.iterations, 1)
    let reportEvery = max(total / 100, 1)
    var played = 0
    var entries: [Checksum] = []
    var lastNoted: (epoch: Int, step: Int, applied: Int)?
    func note(_ player: ScenePlayer) {
      lastNoted = (player.epoch, player.session.step, player.applied)
      for run in player.session.runs.sorted(by: { $0.id < $1.id }) {
        entries.append(
          Checksum(
            epoch: player.epoch, step: player.session.step, run: run.id, bestLoss: run.best?.loss,
            bestPosition: run.best?.position))
      }
    }
    while until.map({ player.session.step < $0 }) ?? true, let move = try player.advance() {
      guard move == .step else { continue }
      if player.session.step % interval == 0 { note(player) }
      played += 1
      if played % reportEvery == 0, !progress(min(Double(played) / Double(total), 1)) { return nil }
    }
    if let until, player.session.step >= until { return entries }
    // The end, unless the last checkpoint already was the end.
    if lastNoted.map({ $0 != (player.epoch, player.session.step, player.applied) }) ?? true { note(player) }
    return entries
  }
}

/// What `verify` found: how many checksums matched, and the first that did
/// not.
public struct Verification: Sendable, Hashable {
  public var checked: Int
  public var divergence: Divergence?

  public var passed: Bool { divergence == nil }
}

/// The first checksum a replay did not reproduce.
public struct Divergence: Sendable, Hashable, CustomStringConvertible {
  /// nil when the replay produced a checksum the scene does not have.
  public var expected: Checksum?
  /// nil when the replay ended before a checksum the scene has.
  public var got: Checksum?

  public var description: String {
    let place = expected ?? got!
    let epoch = place.epoch == 0 ? "" : " after \(place.epoch) restart\(place.epoch == 1 ? "" : "s")"
    let head = "diverged at step \(place.step)\(epoch), run \(place.run + 1)"
    return "\(head): expected \(Self.describe(expected)), got \(Self.describe(got))"
  }

  static func describe(_ checksum: Checksum?) -> String {
    guard let checksum else { return "nothing" }
    let loss = checksum.bestLoss.map { exactNumber($0) } ?? "none"
    let position = checksum.bestPosition.map { "(" + $0.components.map(exactNumber).joined(separator: ", ") + ")" } ?? "nowhere"
    let run = checksum.run + 1
    let where_ = checksum.epoch == 0 ? "step \(checksum.step) run \(run)" : "epoch \(checksum.epoch) step \(checksum.step) run \(run)"
    return "best \(loss) at \(position) [\(where_)]"
  }
}
