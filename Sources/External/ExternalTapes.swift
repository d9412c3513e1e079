import Foundation
import OptimizerCore

/// A session's external optimizers: the tape of each (what its process
/// did) and the process behind it, by the place the optimizer was made.
///
/// The place (`Key`: run, restart, step) is the same in every replay of
/// the same scene, so a replay finds the tape that the recording left,
/// and undoing and redoing a swap finds the same tape and process again.
/// Shared by every copy of the session's optimizers (step-back restores a
/// copy that finds its process here).
public final class ExternalTapes: @unchecked Sendable {
  /// Whether a run may start its process when it needs steps its tape
  /// does not hold.
  public enum Policy: Sendable, Hashable {
    /// Start it; each step (and the handshake) has `stepTimeout` seconds.
    case live(stepTimeout: Double)
    /// Never: a replay that checks a recording (`replay --verify`, the
    /// checksums of a save, what-if paths) ends such a run with a message.
    case recordedOnly
  }

  /// Where an external optimizer was made: its run, the session's restart
  /// count, and the step.
  public struct Key: Sendable, Hashable, Comparable {
    public var run: Int
    public var restart: Int
    public var step: Int

    public init(run: Int, restart: Int, step: Int) {
      self.run = run
      self.restart = restart
      self.step = step
    }

    public static func < (a: Key, b: Key) -> Bool { (a.restart, a.step, a.run) < (b.restart, b.step, b.run) }
  }

  /// The step timeout of docs/PROTOCOL.md unless `--step-timeout` says otherwise.
  public static let defaultStepTimeout = 10.0

  public let policy: Policy
  private let lock = NSLock()
  private var tapes: [Key: ExternalTape]
  private var links: [Key: ExternalLink] = [:]
  /// The processes of optimizers retired by a reset or a new start, by
  /// run, until the run's new optimizer takes its own back (`unpark`).
  private var parked: [Int: ExternalLink] = [:]
  private var used: Set<Key> = []

  public init(policy: Policy = .live(stepTimeout: ExternalTapes.defaultStepTimeout), tapes: [Key: ExternalTape] = [:]) {
    self.policy = policy
    self.tapes = tapes
  }

  deinit { endAll() }

  /// The same tapes, for a replay that checks them and starts no process
  /// (a what-if path, the checksums of a save).
  public func replaying() -> ExternalTapes {
    ExternalTapes(policy: .recordedOnly, tapes: lock.withLock { tapes })
  }

  /// Every tape, in the order the session made them.
  public var all: [(key: Key, tape: ExternalTape)] {
    lock.withLock { tapes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
  }

  /// The tapes some optimizer of this session has read or written: what a
  /// scene saved from a replay of it needs.
  public var usedTapes: [(key: Key, tape: ExternalTape)] {
    lock.withLock { tapes.filter { used.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
  }

  func tape(_ key: Key) -> ExternalTape? {
    lock.withLock {
      used.insert(key)
      return tapes[key]
    }
  }

  func update(_ key: Key, _ change: (inout ExternalTape) -> Void) {
    lock.withLock {
      used.insert(key)
      if var tape = tapes[key] {
        change(&tape)
        tapes[key] = tape
      }
    }
  }

  func store(_ tape: ExternalTape, at key: Key) {
    lock.withLock {
      used.insert(key)
      tapes[key] = tape
    }
  }

  /// The process link of the optimizer made at `key` (made on first use).
  func link(_ key: Key) -> ExternalLink {
    lock.withLock {
      if let link = links[key] { return link }
      let link = ExternalLink()
      links[key] = link
      return link
    }
  }

  /// Ends the process of the optimizer made at `key`, if one runs: its run
  /// was removed or its optimizer swapped away. Its tape stays, so that
  /// undoing that brings the run back and replays it. `restarting` parks
  /// it instead, for the run's next optimizer to ask it to start over.
  func retire(_ key: Key, restarting: Bool) {
    let (link, displaced): (ExternalLink?, ExternalLink?) = lock.withLock {
      let link = links.removeValue(forKey: key)
      guard restarting, let link, link.isRunning else { return (link, nil) }
      defer { parked[key.run] = link }
      return (nil, parked[key.run])
    }
    link?.end()
    displaced?.end()
  }

  /// The parked process of `run`, taken.
  func unpark(run: Int) -> ExternalLink? { lock.withLock { parked.removeValue(forKey: run) } }

  /// Gives the optimizer made at `key` a process it took over.
  func adopt(_ link: ExternalLink, at key: Key) {
    let displaced = lock.withLock {
      defer { links[key] = link }
      return links[key]
    }
    if displaced !== link { displaced?.end() }
  }

  /// Ends the parked processes that no new optimizer took back.
  public func endParked() {
    let all = lock.withLock {
      defer { parked = [:] }
      return Array(parked.values)
    }
    for link in all { link.end() }
  }

  /// Ends every process of the session.
  public func endAll() {
    let all = lock.withLock {
      let all = Array(links.values) + Array(parked.values)
      links = [:]
      parked = [:]
      return all
    }
    for link in all { link.end() }
  }
}
