import Foundation
import Rendering
import Scenes

/// Performs the effects `update` returns: writes and removes the recovery
/// file at once, and saves scenes on a thread of their own, so that taking
/// checksums (a replay of the whole scene) never holds up the screen.
///
/// Every outcome is an action for `update`: the ones of file writes come
/// back from `perform`, the ones of background jobs wait in an inbox that
/// `takeOutcomes` empties.
final class EffectRunner: @unchecked Sendable {
  /// Where the recovery copy goes; nil keeps none.
  let recovery: RecoveryFile?
  /// Guards `inbox`, `running` and `cancelled`, which job threads share.
  private let lock = NSLock()
  private var inbox: [Action] = []
  private var running: Set<Int> = []
  private var cancelled: Set<Int> = []
  /// Sampling jobs not yet finished (`BackgroundMap`).
  private var sampling: Set<Int> = []

  init(recovery: RecoveryFile?) {
    self.recovery = recovery
  }

  /// True while a background job has not reported its end.
  var hasRunningJobs: Bool { lock.withLock { !running.isEmpty || !sampling.isEmpty } }

  /// Performs `effects` in order; returns the outcomes known at once.
  func perform(_ effects: [Effect]) -> [Action] {
    effects.compactMap(perform)
  }

  /// The outcomes background jobs reported since the last call, in order.
  func takeOutcomes() -> [Action] {
    lock.withLock {
      defer { inbox.removeAll() }
      return inbox
    }
  }

  private func perform(_ effect: Effect) -> Action? {
    switch effect {
    case .saveScene(let job, let scene, let path):
      lock.withLock { _ = running.insert(job) }
      Thread.detachNewThread { [self] in save(scene, to: path, job: job) }
      return nil
    case .cancelSave(let job):
      lock.withLock { _ = cancelled.insert(job) }
      return nil
    case .writeRecovery(let scene, let revision):
      guard let recovery else { return nil }
      do { try recovery.write(scene) } catch {
        return .recoveryFailed(revision: revision, reason: error.description)
      }
      return .recoveryWritten(revision: revision)
    case .removeRecovery:
      recovery?.remove()
      return nil
    case .sampleMap(let job, let request):
      lock.withLock { _ = sampling.insert(job) }
      Thread.detachNewThread { [self] in sample(request, job: job) }
      return nil
    case .cancelSampling(let job):
      lock.withLock { _ = cancelled.insert(job) }
      return nil
    }
  }

  /// The sampling job: each batch's samples so far, the newest replacing
  /// any report still waiting; a cancelled job stops after its batch.
  private func sample(_ request: MapSampleRequest, job: Int) {
    _ = request.sample { samples in
      lock.withLock {
        guard !cancelled.contains(job) else { return false }
        inbox.removeAll { if case .mapSampled(job, _) = $0 { true } else { false } }
        inbox.append(.mapSampled(job: job, samples: samples))
        return true
      }
    }
    lock.withLock {
      sampling.remove(job)
      cancelled.remove(job)
    }
  }

  /// The save job: checksums, reported as they go, then the atomic write.
  /// A cancelled job writes nothing and reports nothing more.
  private func save(_ scene: Scene, to path: String, job: Int) {
    let outcome: Action?
    do {
      let checked = try SceneChecksums.recorded(for: scene) { fraction in
        lock.withLock {
          // One progress report waiting is enough: the newest replaces it.
          inbox.removeAll { if case .saveProgressed(job, _) = $0 { true } else { false } }
          inbox.append(.saveProgressed(job: job, fraction: fraction))
          return !cancelled.contains(job)
        }
      }
      if let checked {
        // The user was asked before any file is replaced (`Confirmation.overwrite`).
        try SceneFile.save(checked, to: path, replacingReadOnly: true)
        outcome = .saveFinished(job: job)
      } else {
        outcome = nil
      }
    } catch {
      outcome = .saveFailed(job: job, reason: error.message)
    }
    lock.withLock {
      if let outcome, !cancelled.contains(job) { inbox.append(outcome) }
      running.remove(job)
      cancelled.remove(job)
    }
  }
}
