import OptimizerCore
import Testing

/// The reverse-order correction changes every committed vector on a
/// rejection: in the `independent` reading d[i] −= c[i] − d[i] from the
/// values before the rejection, in the `chained` reading d[0] first and
/// then each d[i] = d′[i−1] − d[i−1] from the corrected order below;
/// `moveOpposite` alone changes only the top one.
@Suite struct ReverseOrderCorrectionTests {
  /// The labels of the walks' choices, as the registry declares them.
  private enum RandomWalkReadings {
    static let correction = try! OptimizerRegistry.entry(named: "adaptive-order-walk").descriptor.specs
      .first { $0.name == "correction" }!.options!
  }

  /// The walk's stack for a candidate y from x: c[0] = y − x and
  /// c[i+1] = c[i] − d[i].
  private static func stack(from x: Vector, to y: Vector, committed d: [Vector]) -> [Vector] {
    var c = [y - x]
    for i in d.indices { c.append(c[i] - d[i]) }
    return c
  }

  /// Runs the adaptive walk down a large bowl and checks every rejection
  /// at K ≥ 3 whose candidate projection left alone; returns how many.
  private static func checkRejections(
    reverse: Bool, reading: String = "independent",
    _ expectation: (_ before: [Vector], _ stack: [Vector], _ after: [Vector]) -> Void
  ) throws -> Int {
    let correction = Double(RandomWalkReadings.correction.firstIndex(of: reading)!)
    var trial = try OptimizerTrial(
      "adaptive-order-walk",
      settings: [("reverseOrderCorrection", reverse ? 1 : 0), ("correction", correction), ("bestOf", 1)], on: .bowl)
    var checked = 0
    for _ in 0..<3000 {
      let x = trial.position
      let d = trial.committed
      trial.step()
      guard d.count >= 2, let rejected = trial.events(.reject).first, let y = rejected.position,
        isInterior(y, of: trial.landscape.domain)
      else { continue }
      #expect(trial.position == x, "a rejection at K = \(d.count + 1) moved the walk")
      checked += 1
      // After the m-th rejection in a row the top vector is dropped too.
      expectation(d, stack(from: x, to: y, committed: d), trial.committed)
    }
    return checked
  }

  @Test func reverseCorrectionChangesEveryOrderFromThePreRejectionValues() throws {
    let checked = try Self.checkRejections(reverse: true) { d, c, after in
      #expect(after.count == d.count || after.count == d.count - 1)
      for i in after.indices {
        let expected = d[i] - (c[i] - d[i])
        #expect(nearlyEqual(after[i], expected, scale: d + c), "d[\(i)] is \(after[i]), expected \(expected)")
        #expect(after[i] != d[i], "d[\(i)] was not corrected")
      }
    }
    #expect(checked > 20, "only \(checked) rejections at K ≥ 3")
  }

  @Test func chainedCorrectionBuildsEachOrderFromTheCorrectedOrderBelow() throws {
    let checked = try Self.checkRejections(reverse: true, reading: "chained") { d, c, after in
      #expect(after.count == d.count || after.count == d.count - 1)
      var expected = [d[0] - (c[0] - d[0])]
      for i in d.indices.dropFirst() { expected.append(expected[i - 1] - d[i - 1]) }
      for i in after.indices {
        #expect(nearlyEqual(after[i], expected[i], scale: d + c), "d[\(i)] is \(after[i]), expected \(expected[i])")
      }
    }
    #expect(checked > 20, "only \(checked) rejections at K ≥ 3")
  }

  /// On one seed the two readings part: the same walk, the same draws, a
  /// different path once a rejection at K ≥ 3 has been corrected.
  @Test func theReadingsDifferOnAFixedSeed() throws {
    func walk(_ reading: String) throws -> OptimizerTrial {
      let correction = Double(RandomWalkReadings.correction.firstIndex(of: reading)!)
      var trial = try OptimizerTrial(
        "adaptive-order-walk", settings: [("correction", correction)], on: .bowl, seed: 3)
      trial.run(300)
      return trial
    }
    let independent = try walk("independent")
    let chained = try walk("chained")
    #expect(fingerprint(independent.optimizer.particles) != fingerprint(chained.optimizer.particles))
    // The first reading stays the default: leaving the setting out is it.
    var byDefault = try OptimizerTrial("adaptive-order-walk", on: .bowl, seed: 3)
    byDefault.run(300)
    #expect(fingerprint(byDefault.optimizer.particles) == fingerprint(independent.optimizer.particles))
  }

  @Test func moveOppositeAloneChangesOnlyTheTopOrder() throws {
    let checked = try Self.checkRejections(reverse: false) { d, c, after in
      let top = d.count - 1
      for i in after.indices where i < top { #expect(after[i] == d[i], "d[\(i)] changed") }
      if after.count == d.count {
        #expect(nearlyEqual(after[top], d[top] - c[top + 1], scale: d + c))
      }
    }
    #expect(checked > 20, "only \(checked) rejections at K ≥ 3")
  }
}
