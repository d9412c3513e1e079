import OptimizerCore
import Testing

/// The convex-order walk's two rules for K at an accepted move: by the
/// improvement per unit step ρ (the default, `improvement-rate`), or by the
/// seed's literal rule, the top order's change ‖Δ_K‖·η (`top-change`).
@Suite struct ConvexOrderWalkTests {
  /// The index of `label` among the `orderRule` choices.
  private static func rule(_ label: String) throws -> Double {
    let spec = try OptimizerRegistry.entry(named: "convex-order-walk").descriptor.specs.first { $0.name == "orderRule" }
    return Double(try #require(spec?.options?.firstIndex(of: label)))
  }

  /// Walks down a large bowl with patience out of reach, so that only
  /// accepted moves change K, and checks every step against the rule:
  /// `raises(new, last)` says whether the measure moved the right way,
  /// `lowers(new, last)` the wrong way. Returns how often K rose and fell.
  private static func checkOrder(
    rule label: String, readout: String, raises: (Double, Double) -> Bool, lowers: (Double, Double) -> Bool
  ) throws -> (rises: Int, falls: Int, orders: [Double]) {
    var trial = try OptimizerTrial(
      "convex-order-walk", settings: [("orderRule", try rule(label)), ("patience", 1000)], on: .bowl)
    var last = Double.nan, rises = 0, falls = 0, orders: [Double] = []
    for _ in 0..<600 {
      let before = try trial.readout("order")
      trial.step()
      let after = try trial.readout("order")
      orders.append(after)
      var expected = before
      if !trial.events(.accept).isEmpty {
        let measure = try trial.readout(readout)
        if !last.isNaN && raises(measure, last) { expected = min(before + 1, 6) }
        if !last.isNaN && lowers(measure, last) { expected = max(before - 1, 1) }
        last = measure
      }
      #expect(after == expected, "K went from \(before) to \(after), expected \(expected)")
      if after > before { rises += 1 }
      if after < before { falls += 1 }
    }
    return (rises, falls, orders)
  }

  @Test func improvementRateRaisesTheOrderWhileTheRateGrows() throws {
    let result = try Self.checkOrder(rule: "improvement-rate", readout: "improvement-rate", raises: >, lowers: <)
    #expect(result.rises > 5 && result.falls > 5, "K rose \(result.rises) and fell \(result.falls) times")
  }

  @Test func topChangeRaisesTheOrderWhenTheTopDeltaShrinks() throws {
    let result = try Self.checkOrder(rule: "top-change", readout: "top-change", raises: <, lowers: >=)
    #expect(result.rises > 5 && result.falls > 5, "K rose \(result.rises) and fell \(result.falls) times")
  }

  /// On the same seed the two rules take K along different paths.
  @Test func theRulesDiffer() throws {
    let rate = try Self.checkOrder(rule: "improvement-rate", readout: "improvement-rate", raises: >, lowers: <)
    let top = try Self.checkOrder(rule: "top-change", readout: "top-change", raises: <, lowers: >=)
    #expect(rate.orders != top.orders)
  }

  /// The top change is the size of a random change at the top order: of
  /// the order of η·√n, never zero on a continuous landscape.
  @Test func topChangeIsTheSizeOfTheTopOrderDraw() throws {
    var trial = try OptimizerTrial(
      "convex-order-walk", settings: [("orderRule", try Self.rule("top-change")), ("step", 0.01)], on: .bowl)
    var seen = 0
    for _ in 0..<300 {
      trial.step()
      guard !trial.events(.accept).isEmpty else { continue }
      let change = try trial.readout("top-change")
      #expect(change > 0 && change < 0.01 * 6, "‖Δ_K‖·η = \(change) for η = 0.01")
      seen += 1
    }
    #expect(seen > 10)
  }
}
