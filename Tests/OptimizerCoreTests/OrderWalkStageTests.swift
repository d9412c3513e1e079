import OptimizerCore
import Testing

/// The adaptive-order walks take their step apart: the stack integrated
/// down, the candidate, the verdict landing where the step lands, then the
/// change of K the step really made.
@Suite struct OrderWalkStageTests {
  func values(_ stage: InspectionStage?) -> [String: StageValue] {
    Dictionary((stage?.values ?? []).map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// `settings` picks the convex walk's measure (`orderRule` 1 is top-change).
  @Test(arguments: [
    ("adaptive-order-walk", []), ("convex-order-walk", []), ("convex-order-walk", [("orderRule", 1.0)]),
  ] as [(String, [(String, Double)])])
  func verdictAndOrderChangeAreTheSteps(name: String, settings: [(String, Double)]) throws {
    var trial = try OptimizerTrial(name, settings: settings, on: .rosenbrock)
    var orders: Set<Int> = [], sawRise = false, sawFall = false
    for _ in 0..<60 {
      var evaluator = trial.evaluator
      evaluator.beginStep()
      let dump = stateDump(trial.optimizer)
      let stages = trial.optimizer.stages(of: evaluator, rng: trial.rng, particle: 0)
      #expect(stateDump(trial.optimizer) == dump, "asking for the stages changes nothing")
      let order = Int(try #require(trial.optimizer.inspect().readout("order")).value)
      orders.insert(order)
      trial.step()
      let verdictEvent = try #require(trial.evaluator.events.last { $0.kind == .accept || $0.kind == .reject })
      let integrations = (0..<(order - 1)).reversed().map { "integrate order \($0)" }
      #expect(
        stages.map(\.name)
          == ["top order drawn"] + integrations
          + ["candidate", verdictEvent.kind == .accept ? "accept" : "reject", "order change"])
      guard case .vector(_, let landed)? = values(stages.dropLast().last)["x′"] else {
        Issue.record("the verdict shows x′")
        continue
      }
      let particle = trial.optimizer.particles[0]
      #expect(landed.components.map(\.bitPattern) == particle.position.components.map(\.bitPattern))
      let change = values(stages.last)
      guard case .number(_, let newOrder)? = change["K′"], case .fact(_, let word)? = change["order"] else {
        Issue.record("the order change shows K′ and its direction")
        continue
      }
      #expect(trial.optimizer.inspect().readout("order")?.value == newOrder)
      #expect(word == (Int(newOrder) > order ? "rises" : Int(newOrder) < order ? "falls" : "stays"))
      sawRise = sawRise || word == "rises"
      sawFall = sawFall || word == "falls"
    }
    #expect(orders.count > 1 && sawRise && sawFall, "sixty steps raised and lowered K")
  }
}
