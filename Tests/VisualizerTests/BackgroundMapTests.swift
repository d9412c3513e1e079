import OptimizerCore
@testable import Rendering
import Testing
import ViewModel

@testable import Visualizer

/// A remote function's heat map in the visualizer: the frame's want starts
/// one job, its batches come back as actions, and the status line says how
/// far it got.
@Suite struct BackgroundMapTests {
  static func request(_ name: String) -> MapSampleRequest {
    let objective = FunctionObjective(dimension: 2) { $0[0] * $0[0] + $0[1] * $0[1] }
    return MapSampleRequest(
      objective: objective, key: HeatMap.Key(landscape: name, viewport: Viewport(x: -1...1, y: -1...1), columns: 32, rows: 16),
      base: [0, 0])
  }

  @Test func aWantStartsOneJobAndANewWantReplacesIt() throws {
    var state = try testState(["adam"])
    let first = update(&state, .mapWanted(Self.request("a")), in: noFiles)
    guard case .sampleMap(let job, let request)? = first.first else {
      Issue.record("no sampling job: \(first)")
      return
    }
    #expect(first.count == 1 && request == Self.request("a"))
    #expect(update(&state, .mapWanted(Self.request("a")), in: noFiles).isEmpty, "the same map is not asked for twice")
    let second = update(&state, .mapWanted(Self.request("b")), in: noFiles)
    #expect(second.first == .cancelSampling(job: job))
    #expect(second.count == 2)
    guard case .sampleMap(let secondJob, _)? = second.last else {
      Issue.record("no second job: \(second)")
      return
    }
    #expect(update(&state, .mapWanted(nil), in: noFiles) == [.cancelSampling(job: secondJob)], "a frame that wants no samples stops the job")
    #expect(state.backgroundMap.fraction == nil)
    #expect(update(&state, .mapWanted(nil), in: noFiles).isEmpty)
  }

  @Test func batchesShowTheirProgressUntilTheMapIsComplete() throws {
    var state = try testState(["adam"])
    let request = Self.request("a")
    guard case .sampleMap(let job, _)? = update(&state, .mapWanted(request), in: noFiles).first else {
      Issue.record("no sampling job")
      return
    }
    var reports: [MapSamples] = []
    _ = request.sample { reports.append($0); return true }
    let half = try #require(reports.first { $0.fraction > 0 && $0.fraction < 1 })
    update(&state, .mapSampled(job: job, samples: half), in: noFiles)
    let percent = Int((half.fraction * 100).rounded(.down))
    #expect(Screen().chrome(state, profile: .standard).statusFacts.contains("sampling Rosenbrock … \(percent) %"))
    update(&state, .mapSampled(job: job, samples: reports.last!), in: noFiles)
    #expect(state.backgroundMap.fraction == nil)
    #expect(state.backgroundMap.taken.first?.isComplete == true)
    #expect(!Screen().chrome(state, profile: .standard).statusFacts.contains { $0.hasPrefix("sampling") })
    #expect(update(&state, .mapWanted(request), in: noFiles).isEmpty, "a complete map is kept")
  }

  @Test func aStaleJobsBatchIsIgnored() throws {
    var state = try testState(["adam"])
    let old = Self.request("a")
    _ = update(&state, .mapWanted(old), in: noFiles)
    _ = update(&state, .mapWanted(Self.request("b")), in: noFiles)
    update(&state, .mapSampled(job: 0, samples: old.sample()!), in: noFiles)
    #expect(!state.backgroundMap.taken.contains { $0.request == old })
  }
}
