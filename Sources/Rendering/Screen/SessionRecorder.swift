import Engine
import OptimizerCore

/// What the session does not keep but the screen draws: each run's recent
/// particle positions (the fading trails) and its whole path (the SVG's
/// trajectory). Call `record(_:)` after every step or command.
public struct SessionRecorder: Sendable {
  /// K, the steps a trail keeps.
  public let trailLength: Int
  public private(set) var trails: [Int: Trail] = [:]
  /// Each run's path: (session step, position) per recorded step.
  public private(set) var paths: [Int: [(step: Int, position: Vector)]] = [:]
  /// The session step last recorded.
  public private(set) var lastStep: Int?

  public init(trailLength: Int = 12) {
    self.trailLength = trailLength
  }

  /// Records the session's current state. When the session went back (a
  /// step back or a reset), paths are cut back to its step and trails
  /// start again, so nothing drawn is from a future that was undone.
  public mutating func record(_ session: Session) {
    if let lastStep, session.step <= lastStep {
      // A path is in step order, so what is cut is a suffix: each entry is
      // removed once, however many events are recorded at one step.
      for id in Array(paths.keys) {
        while let last = paths[id]?.last, last.step >= session.step { paths[id]!.removeLast() }
      }
      trails.removeAll()
    }
    let live = Set(session.runs.map(\.id))
    trails = trails.filter { live.contains($0.key) }
    for run in session.runs {
      let particles = run.optimizer.particles
      trails[run.id, default: Trail(length: trailLength)].record(particles)
      if let position = Self.position(of: run) {
        paths[run.id, default: []].append((session.step, position))
      }
    }
    lastStep = session.step
  }

  /// Where a run is: its particle, or for a population its best point.
  public static func position(of run: Run) -> Vector? {
    let particles = run.optimizer.particles
    if particles.count == 1 { return particles[0].position }
    return run.optimizer.best?.position ?? particles.first?.position
  }

  /// A run's path as points, oldest first.
  public func trajectory(of id: Int) -> [Vector] { paths[id]?.map(\.position) ?? [] }
}
