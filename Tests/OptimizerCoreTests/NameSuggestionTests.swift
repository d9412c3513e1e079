import OptimizerCore
import Testing

/// "Did you mean …?": the nearest name within a few edits, nothing for an
/// unrelated word, and no letter-by-letter comparison of a huge input.
@Suite struct NameSuggestionTests {
  static let names = ["simulated-annealing", "pso", "empso", "cma-es", "adam", "gd"]

  @Test func aTypoGetsTheNearestName() {
    #expect(nearestName(to: "simulated-anealing", in: Self.names) == "simulated-annealing")
    #expect(nearestName(to: "PSO", in: Self.names) == "pso")
    #expect(nearestName(to: "cma", in: Self.names) == "cma-es")
    #expect(suggestionSuffix(for: "adma", in: Self.names) == "; did you mean 'adam'?")
  }

  @Test func anUnrelatedWordGetsNone() {
    #expect(nearestName(to: "rosenbrock", in: Self.names) == nil)
    #expect(suggestionSuffix(for: "rosenbrock", in: Self.names) == "")
  }

  /// A scene's 1 MB "optimizer name" used to be compared letter by letter
  /// with every name (minutes in a debug build); a bound for a loaded
  /// 2-core machine.
  @Test func aHugeInputIsAnsweredAtOnce() {
    let huge = String(repeating: "x", count: 1 << 20)
    let clock = ContinuousClock(), start = clock.now
    #expect(nearestName(to: huge, in: Self.names) == nil)
    #expect(clock.now - start < .seconds(5))
  }
}
