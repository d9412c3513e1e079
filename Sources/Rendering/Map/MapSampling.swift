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

  /// The centre of cell `index` of a `width`×`height` grid over the
  /// viewport, `base` beyond the first two coordinates: the points
  /// `HeatMap.sample` takes.
  static func point(_ index: Int, viewport: Viewport, width: Int, height: Int, base: Vector) -> Vector {
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

  /// Samples every point, calling `progress` after each batch with what
  /// is sampled so far; stops (returning nil) when `progress` answers false.
  public func sample(progress: (MapSamples) -> Bool = { _ in true }) -> MapSamples? {
    var samples = MapSamples(request: self)
    let finished = Self.sample(objective, viewport: key.viewport, width: width, height: height, base: base) {
      done, values in
      samples.values.replaceSubrange(samples.done..<done, with: values)
      samples.done = done
      return progress(samples)
    }
    return finished ? samples : nil
  }

  /// Every value of the grid at once: `HeatMap.sample`'s path for a remote function.
  static func values(_ f: any Objective, viewport: Viewport, width: Int, height: Int, base: Vector) -> [Double] {
    var all: [Double] = []
    all.reserveCapacity(width * height)
    _ = sample(f, viewport: viewport, width: width, height: height, base: base) { _, values in
      all += values
      return true
    }
    return all
  }

  /// f on a `width`×`height` grid over the viewport, row-major from the top,
  /// in batches: `batch` gets each one's values and how many points are
  /// done, and stops the sampling by answering false. A batch that took
  /// under half a second is followed by one twice its size, up to
  /// `maximumBatch`, so a fast function needs few requests and a slow one
  /// still reports often. True when every point was sampled.
  static func sample(
    _ f: any Objective, viewport: Viewport, width: Int, height: Int, base: Vector,
    batch: (_ done: Int, _ values: [Double]) -> Bool
  ) -> Bool {
    let count = width * height
    var done = 0, size = firstBatch
    while done < count {
      let end = min(done + size, count)
      let started = Date()
      let values = f.values(at: (done..<end).map { point($0, viewport: viewport, width: width, height: height, base: base) })
      done = end
      if -started.timeIntervalSinceNow < 0.5 { size = min(size * 2, maximumBatch) }
      guard batch(done, values) else { return false }
    }
    return true
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
