import Foundation
import OptimizerCore
@testable import Rendering
import Testing
import ViewModel

/// A remote objective for the tests: the shifted sphere, answered in
/// batches whose sizes it keeps.
final class BatchRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var sizes: [Int] = []
  func record(_ size: Int) { lock.withLock { sizes.append(size) } }
  var batches: [Int] { lock.withLock { sizes } }
}

struct RemoteSphere: Objective {
  let recorder = BatchRecorder()
  var dimension = 2
  var isRemote: Bool { true }
  func value(at x: Vector) -> Double { values(at: [x])[0] }
  func values(at points: [Vector]) -> [Double] {
    recorder.record(points.count)
    return points.map { shiftedSphere.value(at: Vector(Array($0.components.prefix(2)))) }
  }
}

/// The heat map of a remote function: asked for in batches of at most
/// 4096 points, the same samples as a point at a time, with its progress.
@Suite struct RemoteMapSamplingTests {
  static let viewport = Viewport(x: -4...4, y: -3...3)

  @Test func batchesHoldTheSamePointsAsThePixelByPixelPath() {
    let remote = RemoteSphere()
    var batched = HeatMap(), direct = HeatMap()
    batched.update(objective: remote, identity: "remote", viewport: Self.viewport, columns: 200, rows: 60, scale: .linear)
    direct.update(objective: shiftedSphere, identity: "local", viewport: Self.viewport, columns: 200, rows: 60, scale: .linear)
    #expect(batched.samples == direct.samples)
    let batches = remote.recorder.batches
    #expect(batches.reduce(0, +) == 400 * 240)
    #expect(batches.allSatisfy { $0 <= MapSampleRequest.maximumBatch } && batches.count < 96_000 / 256)
  }

  @Test func progressComesAfterEveryBatchAndAStopEndsTheJob() {
    let remote = RemoteSphere()
    let key = HeatMap.Key(landscape: "remote", viewport: Self.viewport, columns: 40, rows: 20)
    let request = MapSampleRequest(objective: remote, key: key, base: [0, 0])
    var seen: [Double] = []
    let samples = request.sample { seen.append($0.fraction); return true }
    #expect(samples?.isComplete == true && seen.last == 1)
    #expect(seen == seen.sorted() && seen.count == remote.recorder.batches.count)
    var reports = 0
    #expect(request.sample { _ in reports += 1; return false } == nil)
    #expect(reports == 1)
  }

  @Test func aFrameInTheBackgroundShowsWhatIsSampledAndAsksForTheRest() throws {
    let remote = RemoteSphere()
    let landscape = LandscapeInfo(objective: remote, identity: "remote", title: "remote", domain: .cube(-4, 4, dimension: 2))
    var content = FrameContent(landscape: landscape, runs: [], step: 0)
    content.backgroundSamples = []
    var renderer = FrameRenderer()
    _ = renderer.render(content, view: MapView(), width: 100, height: 30)
    let wanted = try #require(renderer.wantedSamples)
    #expect(remote.recorder.batches.isEmpty, "the frame itself asks the function nothing")
    content.backgroundSamples = [wanted.sample()!]
    _ = renderer.render(content, view: MapView(), width: 100, height: 30)
    #expect(renderer.wantedSamples == nil)
    #expect(renderer.heatMap.samples.allSatisfy { $0.isFinite })
  }

  @Test func aFunctionOfMoreThanTwoVariablesIsSampledWithTheFrame() throws {
    let remote = RemoteSphere(dimension: 3)
    let landscape = LandscapeInfo(objective: remote, identity: "remote 3-D", title: "remote", domain: .cube(-4, 4, dimension: 3))
    var content = FrameContent(landscape: landscape, runs: [], step: 0)
    content.backgroundSamples = []
    var renderer = FrameRenderer()
    _ = renderer.render(content, view: MapView(), width: 100, height: 30)
    #expect(renderer.wantedSamples == nil, "the background request knows only the first two coordinates")
    #expect(!remote.recorder.batches.isEmpty && renderer.heatMap.samples.allSatisfy { $0.isFinite })
  }
}

/// A remote function of more than two dimensions, drawn on a plane, is
/// asked for in batches too: one round trip per 4096 points, not per point.
@Suite struct RemotePlaneSamplingTests {
  @Test func aPlaneOfARemoteFunctionIsSampledInBatches() {
    var remote = RemoteSphere()
    remote.dimension = 3
    let domain = Domain.cube(-4, 4, dimension: 3)
    let plane = PlaneGeometry(
      origin: Vector([0.5, -0.5, 1]), first: Vector([0, 0.6, 0.8]), second: Vector([1, 0, 0]), centre: (u: 0, v: 0),
      domain: domain)
    let viewport = Viewport(x: -4...4, y: -4...4)
    let batched = HeatMap.sample(remote, viewport: viewport, width: 100, height: 50, plane: plane)
    let direct = HeatMap.sample(shiftedSphere3, viewport: viewport, width: 100, height: 50, plane: plane)
    #expect(batched == direct)
    #expect(remote.recorder.batches == [4096, 904])
  }

  /// The sphere `RemoteSphere` answers, as a local three-dimensional objective.
  struct LocalSphere: Objective {
    var dimension: Int { 3 }
    func value(at x: Vector) -> Double { shiftedSphere.value(at: Vector(Array(x.components.prefix(2)))) }
  }
  let shiftedSphere3 = LocalSphere()
}
