import Foundation
import OptimizerCore
import ViewModel

/// The heat map of a remote function (`Objective.isRemote`, a process:
/// docs/PROTOCOL.md, "A function") as a job: the grid of sub-pixel centres
/// `HeatMap` samples, asked for in batches of at most 4096 points so that
/// the visualizer can sample it in the background and show its progress.
///
/// Equal when the key is: the key names the function, the viewport and the
/// map's size, so two requests for the same key sample the same points.
public struct MapSampleRequest: Sendable, Hashable {
  public let key: HeatMap.Key
  public let objective: any Objective
  /// The sub-pixel grid: `width`×`height` points, row-major, top row first.
  public let width: Int
  public let height: Int
  let base: Vector

  public init(objective: any Objective, key: HeatMap.Key, base: Vector) {
    self.key = key
    self.objective = objective
    width = key.columns * HeatMap.supersampling
    height = key.rows * 2 * HeatMap.supersampling
    self.base = base
  }

  public static func == (a: Self, b: Self) -> Bool { a.key == b.key }
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }

  public var count: Int { width * height }

  /// The centre of sub-pixel `index`: the points `HeatMap.sample` takes.
  func point(_ index: Int) -> Vector {
    let viewport = key.viewport
    let (i, j) = (index % width, index / width)
    var point = base
    point[0] = viewport.x.lowerBound + (Double(i) + 0.5) * (viewport.width / Double(width))
    if point.dimension > 1 { point[1] = viewport.y.upperBound - (Double(j) + 0.5) * (viewport.height / Double(height)) }
    return point
  }

  /// The most points one batch asks for (docs/PROTOCOL.md).
  public static let maximumBatch = 4096
  /// The first batch's size: small, so that a slow function shows progress soon.
  static let firstBatch = 256

  /// Samples every point in batches, calling `progress` after each with
  /// what is sampled so far; stops (returning nil) when `progress` answers
  /// false. A batch that took under half a second is followed by one twice
  /// its size, up to `maximumBatch`, so a fast function needs few requests
  /// and a slow one still reports often.
  public func sample(progress: (MapSamples) -> Bool = { _ in true }) -> MapSamples? {
    var samples = MapSamples(request: self)
    var size = Self.firstBatch
    while samples.done < count {
      let end = min(samples.done + size, count)
      let started = Date()
      let values = objective.values(at: (samples.done..<end).map(point))
      samples.values.replaceSubrange(samples.done..<end, with: values)
      samples.done = end
      if -started.timeIntervalSinceNow < 0.5 { size = min(size * 2, Self.maximumBatch) }
      guard progress(samples) else { return nil }
    }
    return samples
  }
}

/// What is sampled of a request so far: NaN where nothing is yet.
public struct MapSamples: Sendable, Hashable {
  public let request: MapSampleRequest
  /// f at the sub-pixels, row-major (`HeatMap.samples`' layout).
  public internal(set) var values: [Double]
  /// How many of them are sampled (the first `done`, in order).
  public internal(set) var done = 0

  init(request: MapSampleRequest) {
    self.request = request
    values = [Double](repeating: .nan, count: request.count)
  }

  /// Equal when they hold the same points of the same request (the values
  /// follow: a function answers a point once).
  public static func == (a: Self, b: Self) -> Bool { a.request == b.request && a.done == b.done }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(request)
    hasher.combine(done)
  }

  public var isComplete: Bool { done == request.count }
  /// The share sampled, 0…1.
  public var fraction: Double { request.count == 0 ? 1 : Double(done) / Double(request.count) }
}
