import Foundation
import Testing

/// `bench` streams its runs into per-cell figures: memory stays bounded
/// however many seeds it runs (10⁸ seeds once reached 7.6 GB), and more
/// seeds than the report's medians can keep are refused with the limit.
@Suite struct BenchMemoryTests {
  @Test func twentyThousandRunsOnATinyBudgetStayUnderAHundredMegabytes() throws {
    let outcome = try OptiscopeProcess.run(
      [
        "bench", "--optimizers", "random-search", "--landscapes", "sphere,booth", "--seeds", "10000", "--evals", "10",
        "--format", "csv",
      ], measuringMemory: true)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.split(separator: "\n").count == 20_001)
    let peak = try #require(outcome.peakResidentBytes)
    #expect(peak < 100 << 20, "peak \(peak >> 20) MB")
  }

  @Test func moreSeedsThanTheLimitAreRefusedWithIt() throws {
    let outcome = try OptiscopeProcess.run(["bench", "--seeds", "100000000"])
    #expect(outcome.status != 0)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("--seeds must be at most 10000, got 100000000"))
  }
}
