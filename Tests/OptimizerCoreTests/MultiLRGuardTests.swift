import OptimizerCore
import Testing

/// Multi-LR keeps the best of its tries and of not moving.
@Suite struct MultiLRGuardTests {
  private static let parts = DescentParts(gradient: "randomgrad", update: "sgd", guards: ["multi-lr"])

  /// {½, 1, 2} by default, and any odd or even count centred on 1.
  @Test func scalesAreCentredOnTheMove() throws {
    var trial = try OptimizerTrial("descent", parts: Self.parts, on: .sphere)
    #expect(trial.optimizer.hyperparameters["tries"] == 3 && trial.optimizer.hyperparameters["ratio"] == 2)
    trial.step()
    let tried = try #require(Self.tried(trial))
    let origin = try #require(trial.evaluator.events.first?.origin)
    let unit = tried[1] - origin
    #expect((tried[0] - origin).distance(to: 0.5 * unit) < 1e-12)
    #expect((tried[2] - origin).distance(to: 2 * unit) < 1e-12)
  }

  /// After every step the descent is at the lowest of f(x) and the tried
  /// points (each tried point evaluated once), every try not taken is a
  /// `.reject` event, and over the run it has stayed, halved and doubled.
  @Test(arguments: [0.05, 0.5])
  func keepsTheBestOfItsTriesAndOfStaying(lr: Double) throws {
    var trial = try OptimizerTrial("descent", parts: Self.parts, settings: [("lr", lr)], on: .shiftedSphere)
    trial.step()
    var scalesTaken: Set<Double> = []
    for _ in 0..<150 {
      let before = trial.optimizer.particles[0]
      let evaluations = trial.evaluator.evaluations
      trial.step()
      let after = trial.optimizer.particles[0]
      let tried = try #require(Self.tried(trial))
      let losses = try tried.map { point in
        try #require(trial.evaluator.probes.points.first { $0.position == point }?.loss, "\(point) not evaluated")
      }
      #expect(trial.evaluator.evaluations - evaluations == 1 + tried.count, "RandomGrad's probe, then each try")
      #expect(after.loss == min(before.loss, losses.min()!), "not the best of \(losses) and \(before.loss)")
      let rejected = trial.evaluator.events.filter { $0.kind == .reject }.compactMap(\.position)
      #expect(Set(rejected) == Set(tried.filter { $0 != after.position }))
      scalesTaken.insert(try #require(trial.optimizer.inspect().readout("lr-scale")).value)
    }
    #expect(scalesTaken.isSuperset(of: [0, 0.5, 2]), "scales taken: \(scalesTaken.sorted())")
  }

  /// The tried points, from the guard's candidate marks.
  private static func tried(_ trial: OptimizerTrial) -> [Vector]? {
    for overlay in trial.optimizer.inspect().overlays {
      if case .marks(let points, role: .candidate) = overlay { return points }
    }
    return nil
  }
}
