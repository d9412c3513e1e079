import OptimizerCore
import Testing

/// The n-th order walk integrates its random top order down to the move,
/// commits the stack on success and corrects on failure.
@Suite struct NthOrderWalkTests {
  /// K = 1 with `moveOpposite`: after a rejected candidate y = x + c[0] the
  /// walk stands at x − c[0] = 2x − y, with the loss there.
  @Test func orderOneStepsOppositeAfterARejection() throws {
    var trial = try OptimizerTrial("nth-order-walk", on: .sphere)
    var rejections = 0
    for _ in 0..<300 {
      let x = trial.position
      trial.step()
      guard let rejected = trial.events(.reject).first, let y = rejected.position else { continue }
      rejections += 1
      let opposite = 2 * x - y
      guard trial.landscape.domain.contains(opposite) else { continue }
      #expect(nearlyEqual(trial.position, opposite, scale: [x, y]), "after rejecting \(y) from \(x) the walk is at \(trial.position)")
      #expect(trial.optimizer.particles[0].loss == trial.landscape.exactLoss(at: trial.position))
    }
    #expect(rejections > 20, "only \(rejections) rejections")
  }

  /// K = 1 without `moveOpposite`: a rejection leaves x where it was.
  @Test func orderOneWithoutMoveOppositeStaysAfterARejection() throws {
    var trial = try OptimizerTrial("nth-order-walk", settings: [("moveOpposite", 0)], on: .sphere)
    var rejections = 0
    for _ in 0..<300 {
      let x = trial.position
      trial.step()
      if !trial.events(.reject).isEmpty {
        rejections += 1
        #expect(trial.position == x)
      }
    }
    #expect(rejections > 20, "only \(rejections) rejections")
  }

  /// K = 3 down a slope: an accepted candidate y = x + c[0] becomes x, and
  /// the stack c[0] = y − x, c[1] = c[0] − d[0] becomes d[0], d[1].
  @Test func anAcceptedCandidateCommitsItsStack() throws {
    var trial = try OptimizerTrial("nth-order-walk", settings: [("order", 3), ("step", 1)], on: .slope)
    var acceptances = 0
    for _ in 0..<40 {
      let x = trial.position
      let d = trial.committed
      #expect(d.count == 2)
      trial.step()
      guard let accepted = trial.events(.accept).first, let y = accepted.position,
        isInterior(y, of: trial.landscape.domain)
      else { continue }
      acceptances += 1
      let c0 = y - x
      let c1 = c0 - d[0]
      #expect(trial.position == y)
      #expect(nearlyEqual(trial.committed[0], c0, scale: d + [c0]))
      #expect(nearlyEqual(trial.committed[1], c1, scale: d + [c0]))
    }
    #expect(acceptances > 20, "only \(acceptances) acceptances")
  }

  /// K = 3 with `moveOpposite`: a rejection keeps x and d[0] and pushes the
  /// top committed order away from the failed change, d[1] −= c[2], where
  /// c[2] = c[1] − d[1] and c[1] = (y − x) − d[0].
  @Test func moveOppositePushesOnlyTheTopOrder() throws {
    var trial = try OptimizerTrial("nth-order-walk", settings: [("order", 3)], on: .bowl)
    var checked = 0
    for _ in 0..<500 {
      let x = trial.position
      let d = trial.committed
      trial.step()
      guard let rejected = trial.events(.reject).first, let y = rejected.position,
        isInterior(y, of: trial.landscape.domain)
      else { continue }
      checked += 1
      let c1 = (y - x) - d[0]
      let c2 = c1 - d[1]
      #expect(trial.position == x)
      #expect(trial.committed[0] == d[0])
      #expect(nearlyEqual(trial.committed[1], d[1] - c2, scale: d + [c1, c2]))
    }
    #expect(checked > 20, "only \(checked) rejections inside the box")
  }
}
