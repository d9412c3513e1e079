import Rendering

/// The heat map of a remote function (a process: docs/PROTOCOL.md, "A
/// function"), sampled on a thread of its own so that a slow function
/// never holds up the screen: the frame asks for the samples it lacks
/// (`Action.mapWanted`), `update` starts a job (`Effect.sampleMap`), and
/// the job's batches come back as `Action.mapSampled` until the map is
/// complete. The last few complete maps are kept, so that going back to a
/// view asks the process nothing.
public struct BackgroundMap: Sendable {
  /// Sample sets, newest first: the running job's (incomplete) and the
  /// last `kept` complete ones.
  public internal(set) var taken: [MapSamples] = []
  /// The job sampling now, and what for.
  var running: (job: Int, request: MapSampleRequest)?

  /// How many complete maps are kept.
  static let kept = 4

  public init() {}

  /// The job's share, while one runs.
  public var fraction: Double? {
    guard let running else { return nil }
    return taken.first { $0.request == running.request }?.fraction ?? 0
  }

  /// "sampling my-loss … 40 %" while a job runs.
  func progress(of name: String) -> String? {
    fraction.map { "sampling \(name) … \(Int(($0 * 100).rounded(.down))) %" }
  }

  /// The effects that bring `request` in: none when it is kept or being
  /// sampled; else the running job is cancelled and a new one starts. A
  /// frame that wants nothing (nil) cancels the running job.
  mutating func want(_ request: MapSampleRequest?, job: Int) -> [Effect] {
    if running?.request == request { return [] }
    if let request, taken.contains(where: { $0.request == request && $0.isComplete }) { return [] }
    var effects: [Effect] = running.map { [.cancelSampling(job: $0.job)] } ?? []
    taken.removeAll { !$0.isComplete }
    running = nil
    guard let request else { return effects }
    running = (job, request)
    effects.append(.sampleMap(job: job, request: request))
    return effects
  }

  /// A job's batch: kept when the job is the running one.
  mutating func receive(_ samples: MapSamples, job: Int) {
    guard running?.job == job else { return }
    taken.removeAll { $0.request == samples.request }
    taken.insert(samples, at: 0)
    if samples.isComplete {
      running = nil
      taken = Array(taken.prefix(Self.kept))
    }
  }
}
