import OptimizerCore
import Testing

/// The undo guard never lets the descent onto a worse point.
@Suite struct UndoGuardTests {
  /// RandomGrad + SGD with a step large enough to overshoot often: every
  /// step's loss is at most the previous one, refused moves are reported
  /// as `.reject` events at points worse than where the descent stays, and
  /// taken moves as `.accept` events at points no worse than their origin.
  @Test func undoNeverAcceptsAWorsePoint() throws {
    var trial = try OptimizerTrial(
      "descent", parts: DescentParts(gradient: "randomgrad", update: "sgd", guards: ["undo"]), settings: [("lr", 0.5)],
      on: .shiftedSphere)
    let landscape = trial.landscape
    var previous = Double.infinity
    var rejections = 0, acceptances = 0
    for _ in 0..<200 {
      trial.step()
      let particle = trial.optimizer.particles[0]
      #expect(particle.loss <= previous, "the loss rose from \(previous) to \(particle.loss)")
      previous = particle.loss
      for event in trial.evaluator.events {
        let origin = try #require(event.origin), target = try #require(event.position)
        switch event.kind {
        case .reject:
          rejections += 1
          #expect(landscape.exactLoss(at: target) > landscape.exactLoss(at: origin))
          #expect(particle.position == origin, "a rejected move still moved the descent")
        case .accept:
          acceptances += 1
          #expect(landscape.exactLoss(at: target) <= landscape.exactLoss(at: origin))
        default:
          Issue.record("unexpected event \(event.kind)")
        }
      }
    }
    #expect(rejections > 10, "η = 0.5 should overshoot often; only \(rejections) rejections")
    #expect(acceptances > 10, "only \(acceptances) moves were taken")
    let marks = trial.optimizer.inspect().overlays.filter { $0.role == .rejected }
    #expect(!marks.isEmpty, "rejected moves are not drawn")
  }

  /// Without the guard the same run does climb at some step: the guard is
  /// what keeps the loss from rising.
  @Test func theSameDescentWithoutUndoClimbs() throws {
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
