import Testing

@testable import OptimizerCore

/// The evolution family searches integer and boolean axes: the
/// distribution methods by rounding with a deviation floor, the ES by
/// native moves.
@Suite struct LatticeAxesTests {
  /// The floor lifts only lattice axes whose deviation fell below 0.2.
  @Test func floorLiftsOnlyNarrowLatticeAxes() {
    let domain = Domain(axes: [Axis(-5, 5), Axis(-10, 10, kind: .integer), Axis(0, 1, kind: .boolean)])
    let floor = LatticeFloor(domain: domain)
    #expect(floor.liftFactors(deviations: [0.01, 0.5, 0.3]) == nil)
    #expect(floor.liftFactors(deviations: [0.01, 0.1, 0.05]) == [1, 2, 4])
  }

  /// Each finds the exact minimum of the mixed landscape, (0.5, 3, 1),
  /// from (−4, −7, 0): the integer axis must travel ten lattice steps and
  /// the boolean one flip.
  @Test(arguments: ["evolution-strategy", "cma-es", "xnes", "snes"])
  func findsTheMixedMinimum(name: String) throws {
    var trial = try OptimizerTrial(name, on: .mixed)
    trial.run(300)
    let best = try #require(trial.optimizer.best)
    #expect(best.position[1] == 3 && best.position[2] == 1, "\(name) ended at \(best.position)")
    #expect(best.loss < 1e-8)
  }
}
