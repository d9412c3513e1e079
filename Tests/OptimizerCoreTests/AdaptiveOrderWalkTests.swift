import OptimizerCore
import Testing

/// The adaptive-order walk raises K after every accepted step, up to Kmax,
/// and lowers it after m rejections in a row.
@Suite struct AdaptiveOrderWalkTests {
  /// On a slope whose end lies far away (η = 1 on a box 2·10⁴ wide) every
  /// accepted step raises K by one, each rise reported as an `.orderChange`
  /// event, so K climbs from 1 to Kmax = 6 within a few steps and stays
  /// there.
  @Test func orderRisesToKmaxOnASmoothSlope() throws {
    var trial = try OptimizerTrial("adaptive-order-walk", settings: [("step", 1)], on: .slope)
    #expect(try trial.readout("order") == 1)
    var rises = 0
    for _ in 0..<20 {
      let before = try trial.readout("order")
      trial.step()
      let after = try trial.readout("order")
      if !trial.events(.accept).isEmpty && before < 6 {
        #expect(after == before + 1, "an accepted step at K = \(before) left K = \(after)")
        #expect(trial.events(.orderChange).count == 1)
        rises += 1
      }
    }
    #expect(rises == 5)
    #expect(try trial.readout("order") == 6)
    #expect(trial.committed.count == 5, "K = 6 keeps d[0]…d[4]")
  }

  /// Kmax caps the order.
  @Test func orderStopsAtKmax() throws {
    var trial = try OptimizerTrial("adaptive-order-walk", settings: [("maxOrder", 3), ("step", 1)], on: .slope)
    trial.run(20)
    #expect(try trial.readout("order") == 3)
  }

  /// From far away in a large bowl the walk speeds up, overshoots and comes
  /// back to the minimum, so the order goes up and down. At every step K
  /// follows the rule exactly: +1 after an accepted step (up to Kmax), −1
  /// after the m-th rejection in a row (down to 1), unchanged otherwise.
  @Test func orderFollowsTheRuleAndFallsAfterPatienceRejections() throws {
    let patience = 4
    var trial = try OptimizerTrial("adaptive-order-walk", settings: [("patience", Double(patience))], on: .bowl)
    var inARow = 0, falls = 0, highest = 1.0
    for _ in 0..<3000 {
      let before = try trial.readout("order")
      trial.step()
      let after = try trial.readout("order")
      highest = max(highest, after)
      let accepted = !trial.events(.accept).isEmpty
      var expected = before
      if accepted {
        inARow = 0
        expected = min(before + 1, 6)
      } else {
        inARow += 1
        if inARow == patience {
          inARow = 0
          expected = max(before - 1, 1)
          if before > 1 { falls += 1 }
        }
      }
      #expect(after == expected, "K went from \(before) to \(after), expected \(expected)")
      #expect(try trial.readout("rejections") == Double(inARow))
      #expect(trial.events(.orderChange).count == (after == before ? 0 : 1))
    }
    #expect(highest == 6, "the walk never reached Kmax")
    #expect(falls > 5, "the order fell only \(falls) times")
    #expect(trial.reachedExactLoss < 1, "the walk did not come down the bowl: \(trial.reachedExactLoss)")
  }

  /// At a minimum every candidate is worse: after climbing the slope to
  /// K = 6, the walk is handed a bowl whose minimum (with the loss it knows)
  /// is where it stands, and sheds one order per m = 5 rejections, down to 1.
  @Test func orderFallsToOneAtAMinimum() throws {
    var trial = try OptimizerTrial("adaptive-order-walk", settings: [("moveOpposite", 0), ("step", 1)], on: .slope)
    trial.run(10)
    #expect(try trial.readout("order") == 6)
    let here = trial.optimizer.particles[0]
    trial.evaluator = Evaluator(
      objective: RaisedBowl(center: here.position, floor: here.loss), domain: trial.landscape.domain)
    var trace: [Double] = []
    for _ in 0..<30 {
      trial.step()
      #expect(trial.events(.accept).isEmpty)
      trace.append(try trial.readout("order"))
    }
    #expect(trace == [6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1])
    #expect(trial.committed.isEmpty)
  }
}

/// f(x) = floor + ‖x − c‖²: a bowl whose minimum value is `floor`.
private struct RaisedBowl: Objective {
  let center: Vector
  let floor: Double
  var dimension: Int { center.dimension }
  func value(at x: Vector) -> Double { floor + x.distance(to: center) * x.distance(to: center) }
}
