import Testing

@testable import OptimizerCore

/// cma's box map: onto the box, the identity inside, smooth and periodic.
@Suite struct BoxTransformTests {
  static let domain = Domain(axes: [Axis(-2, 6), Axis(100, 101)])
  static let transform = BoxTransform(domain: domain)

  /// Anything, however far out, lands in the box.
  @Test func mapsEverythingIntoTheBox() {
    var rng = SeededGenerator(seed: 4)
    for _ in 0..<10_000 {
      let y: Vector = [rng.normal(mean: 2, standardDeviation: 50), rng.normal(mean: 100, standardDeviation: 1e6)]
      #expect(Self.domain.contains(Self.transform.applied(y)))
    }
  }

  /// The identity on the inner 95 % of each axis; l − a ↦ l and u + a ↦ u
  /// with a = 2.5 % of the width.
  @Test func isTheIdentityInsideAndReachesTheBounds() {
    #expect(Self.transform.applied([-1.79, 100.026]) == [-1.79, 100.026])
    #expect(Self.transform.applied([5.79, 100.974]) == [5.79, 100.974])
    #expect(Self.transform.applied([-2.2, 99.975]) == [-2, 100])
    #expect(Self.transform.applied([6.2, 101.025]) == [6, 101])
  }

  /// t is 1-Lipschitz (continuous, no jumps at the margins) and has
  /// period 2·(u − l + 2a).
  @Test func isContinuousAndPeriodic() {
    var rng = SeededGenerator(seed: 8)
    let period = 2 * (8 + 2 * 0.2)
    for _ in 0..<10_000 {
      let y = rng.uniform(in: -30...30)
      let step = 1e-6
      let t = BoxTransform.map(y, lower: -2, upper: 6, margin: 0.2)
      #expect(abs(BoxTransform.map(y + step, lower: -2, upper: 6, margin: 0.2) - t) <= step * (1 + 1e-6))
      #expect(abs(BoxTransform.map(y + period, lower: -2, upper: 6, margin: 0.2) - t) < 1e-9)
    }
  }
}
