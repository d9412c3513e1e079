import OptimizerCore
import Testing

/// The undo and opposite guards never let the descent onto a worse point.
@Suite struct UndoGuardTests {
  /// RandomGrad + SGD with a step large enough to overshoot often: every
  /// step's loss is at most the previous one, refused moves are reported
  /// as `.reject` events at points worse than where they started, and
  /// taken moves as `.accept` events at points no worse than their origin.
  /// Sign descent at η = 0.05 makes the opposite guard reflect often.
  @Test(arguments: [("undo", "sgd", 0.5), ("opposite", "sgd", 0.5), ("opposite", "sign", 0.05)])
  func guardNeverAcceptsAWorsePoint(guard name: String, update: String, lr: Double) throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: update, guards: [name]), settings: [("lr", lr)],
      on: .shiftedSphere)
    let landscape = trial.landscape
    var previous = Double.infinity
    var rejections = 0, acceptances = 0
    for _ in 0..<200 {
      let before = trial.optimizer.particles[0].position
      trial.step()
      let particle = trial.optimizer.particles[0]
      #expect(particle.loss <= previous, "the loss rose from \(previous) to \(particle.loss)")
      previous = particle.loss
      for event in trial.evaluator.events {
        let origin = try #require(event.origin), target = try #require(event.position)
        #expect(origin == before)
        switch event.kind {
        case .reject:
          rejections += 1
          #expect(landscape.exactLoss(at: target) > landscape.exactLoss(at: origin))
          #expect(particle.position != target, "a rejected point was taken")
        case .accept:
          acceptances += 1
          #expect(landscape.exactLoss(at: target) <= landscape.exactLoss(at: origin))
          #expect(particle.position == target)
        default:
          Issue.record("unexpected event \(event.kind)")
        }
      }
    }
    #expect(rejections > 10, "\(update) at η = \(lr) should climb often; only \(rejections) rejections")
    #expect(acceptances > 10, "only \(acceptances) moves were taken")
    let marks = trial.optimizer.inspect().overlays.filter { $0.role == .rejected }
    #expect(!marks.isEmpty, "rejected moves are not drawn")
  }

  /// When a move x → x + Δ climbs, the opposite guard goes to x − Δ (its
  /// reflection through x) unless that climbs too, and the undo guard
  /// stays at x. Sign descent, whose moves climb when one coordinate's sign
  /// is wrong rather than by overshooting, gives reflections a chance.
  @Test func oppositeReflectsAClimbingMoveAndUndoStays() throws {
    var reflected = 0
    for name in ["undo", "opposite"] {
      var trial = try OptimizerTrial(
        "descent", parts: DescentParts(gradient: "randomgrad", update: "sign", guards: [name]),
        settings: [("lr", 0.05)], on: .shiftedSphere)
      for _ in 0..<200 {
        trial.step()
        guard let climb = trial.evaluator.events.first, climb.kind == .reject else { continue }
        let origin = try #require(climb.origin), target = try #require(climb.position)
        let position = trial.optimizer.particles[0].position
        if trial.evaluator.events.last?.kind == .reject {
          #expect(position == origin, "\(name) did not stay after refusing \(target)")
        } else {
          reflected += 1
          let reflection = origin - (target - origin)
          #expect(position.distance(to: reflection) < 1e-12, "\(position) is not the reflection \(reflection)")
        }
      }
    }
    #expect(reflected > 5, "only \(reflected) climbs were reflected")
  }

  /// Without a guard the same run does climb at some step: the guard is
  /// what keeps the loss from rising.
  @Test func theSameDescentWithoutAGuardClimbs() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd"), settings: [("lr", 0.5)],
      on: .shiftedSphere)
    var previous = trial.landscape.exactLoss(at: trial.landscape.start)
    var rises = 0
    for _ in 0..<200 {
      trial.step()
      let loss = trial.landscape.exactLoss(at: trial.optimizer.particles[0].position)
      if loss > previous { rises += 1 }
      previous = loss
    }
    #expect(rises > 0)
  }
}
