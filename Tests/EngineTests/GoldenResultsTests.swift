import Engine
import Foundation
import OptimizerCore
import TestSupport
import Testing

/// Recorded results for a fixed seed per optimizer and landscape, so that
/// any change in behaviour shows in review as a changed line of
/// `Golden/optimizer-results.txt` (nevergrad's recorded-results test).
///
/// After an intended change, re-record with
/// `RECORD=1 swift test --filter GoldenResultsTests` and read the diff.
@Suite struct GoldenResultsTests {
  static let landscapes = ["rosenbrock", "rastrigin", "himmelblau"]
  static let steps = 60
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/optimizer-results.txt")

  /// One line per optimizer and landscape: where seed 7 is after 60 steps.
  static func record(_ optimizer: String, on landscape: String) throws -> String {
    var session = try Session(
      landscape: .named(landscape), runs: [RunSetup(OptimizerConfiguration(optimizer))], seed: 7,
      historyDepth: 0, logsProbes: false)
    for _ in 0..<steps { session.stepForward() }
    let run = session.runs[0]
    let best = try #require(run.best)
    let numbers = ([best.loss] + best.position.components).map(formatFullPrecision)
    return "\(optimizer) \(landscape) evaluations=\(run.evaluations) best=" + numbers.joined(separator: " ")
  }

  static func current() throws -> [String] {
    try OptimizerRegistry.names.flatMap { name in try landscapes.map { try record(name, on: $0) } }
  }

  /// A changed line means behaviour changed for a fixed seed.
  @Test func everyOptimizerMatchesItsRecordedResults() throws {
    assertGolden(try Self.current().joined(separator: "\n") + "\n", file: Self.file, suite: "GoldenResultsTests")
  }
}
