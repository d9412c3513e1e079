import Engine
import OptimizerCore
import Testing

/// A new run takes the lowest colour no live run holds (the rule the
/// curated scenes were recorded with), and adding runs costs O(log n), not
/// a scan of the runs.
@Suite struct ColourSlotTests {
  /// The rule as it was first written: scan for the lowest unused colour.
  static func lowestUnused(by runs: [Run]) -> Int {
    let used = Set(runs.map(\.colourIndex))
    return (0...).first { !used.contains($0) }!
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func randomAddsRemovesAndStepsBackFollowTheLowestUnusedRule(seed: UInt64) throws {
    var session = try Session(landscape: .named("sphere"), runs: [], seed: seed)
    var generator = SeededGenerator(seed: seed, stream: 99)
    for _ in 0..<400 {
      let draw = generator.uniform()
      if draw < 0.5 || session.runs.isEmpty {
        let expected = Self.lowestUnused(by: session.runs)
        try session.apply(.addRun(RunSetup(OptimizerConfiguration("random-search"))))
        #expect(session.runs.last!.colourIndex == expected)
      } else if draw < 0.85 {
        let victim = session.runs[generator.integer(below: session.runs.count)].id
        try session.apply(.removeRun(victim))
      } else {
        session.stepBack()
        // Stepping back restores the slots with the runs: the next add
        // still follows the rule (checked above), and no colour repeats.
        #expect(Set(session.runs.map(\.colourIndex)).count == session.runs.count)
      }
    }
  }

  @Test func aHundredThousandRunsAreAddedInLinearTimeAndNoMore() throws {
    #expect(Session.maximumRuns == 100_000)
    let setup = RunSetup(OptimizerConfiguration("random-search"))
    let clock = ContinuousClock()
    var session: Session?
    let elapsed = try clock.measure {
      session = try Session(
        landscape: .named("sphere"), runs: Array(repeating: setup, count: Session.maximumRuns), seed: 1,
        historyDepth: 0, logsProbes: false)
    }
    var full = try #require(session)
    #expect(full.runs.count == 100_000)
    #expect(full.runs.last?.colourIndex == 99_999)
    #expect(full.run(77_777)?.id == 77_777)
    // The scan took over 120 s; building the runs alone takes a few seconds.
    #expect(elapsed < .seconds(60))
    #expect(throws: SessionError.tooManyRuns(limit: 100_000)) { try full.apply(.addRun(setup)) }
    #expect("\(SessionError.tooManyRuns(limit: 100_000))" == "a session holds at most 100000 runs at once")
  }
}
