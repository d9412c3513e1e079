import Foundation
import Testing

@testable import OptimizerCore

/// Descent, the particle swarms and EKI move natively on integer and
/// boolean axes (docs/OPTIMIZERS.md, "Discrete moves"): continuous shadows
/// that accumulate small steps on integer axes, flips on boolean ones,
/// rather than points rounded in place and stuck in their cell.
@Suite struct DiscreteMovesForEveryFamilyTests {
  /// Booth's function with x boolean: the minimum 0 at (1, 3) lies on the
  /// lattice; the swarm starts with every bit at 0.
  static let booleanBooth = TestLandscape(
    name: "booth, x boolean", objective: Booth(),
    domain: Domain(axes: [Axis(0, 1, kind: .boolean), Axis(-10, 10)]), start: [0, -5])

  /// Booth's function with x a whole number, from (−8, −8): the minimum's
  /// column x = 1 is nine lattice steps away.
  static let integerBooth = TestLandscape(
    name: "booth, x integer", objective: Booth(),
    domain: Domain(axes: [Axis(-10, 10, kind: .integer), Axis(-10, 10)]), start: [-8, -8])

  /// Binary PSO flips the bits of its particles (each particle's bit
  /// changes at least once in 50 steps for most of the swarm) and reaches
  /// the exact minimum of Booth with x boolean.
  @Test(arguments: ["pso", "empso"])
  func binaryPSOFlipsBitsAndReachesBoothsMinimum(name: String) throws {
    var trial = try OptimizerTrial(name, on: Self.booleanBooth)
    trial.step()
    var first = trial.optimizer.particles.map { $0.position[0] }
    var flipped = Set<Int>()
    for _ in 0..<200 {
      trial.step()
      for (i, particle) in trial.optimizer.particles.enumerated() {
        #expect(particle.position[0] == 0 || particle.position[0] == 1)
        if particle.position[0] != first[i] { flipped.insert(i) }
      }
      first = trial.optimizer.particles.map { $0.position[0] }
    }
    #expect(flipped.count > trial.optimizer.particles.count / 2, "only \(flipped.count) particles flipped")
    let best = try #require(trial.optimizer.best)
    #expect(best.position[0] == 1, "\(name) ended at \(best.position)")
    #expect(best.loss < 1e-6, "\(name) reached only \(best.loss)")
  }

  /// Binary PSO keeps its velocities on a boolean axis within ±4.
  @Test func binaryVelocitiesStayWithinFour() throws {
    var trial = try OptimizerTrial("pso", settings: [("c1", 4), ("c2", 4)], on: Self.booleanBooth)
    for _ in 0..<100 {
      trial.step()
      for particle in trial.optimizer.particles {
        let v = try #require(particle.velocity)
        #expect(abs(v[0]) <= ParticleSwarm.binaryVelocityLimit)
      }
    }
  }

  /// On integer axes PSO keeps continuous positions and evaluates their
  /// roundings: it finds the exact minimum of the mixed landscape, (0.5, 3,
  /// 1), every probe on the lattice.
  @Test(arguments: ["pso", "empso"])
  func swarmsFindTheMixedMinimum(name: String) throws {
    var trial = try OptimizerTrial(name, on: .mixed)
    for _ in 0..<300 {
      trial.step()
      for probe in trial.evaluator.probes.points {
        #expect(probe.position[1] == probe.position[1].rounded() && probe.loss.isFinite)
      }
    }
    let best = try #require(trial.optimizer.best)
    #expect(best.position[1] == 3 && best.position[2] == 1, "\(name) ended at \(best.position)")
    #expect(best.loss < 1e-6)
  }

  /// gd's steps along x are about 0.18 at the start and Adam's 0.2, under
  /// half a column: rounded in place they would never leave x = −8. With a
  /// shadow they accumulate, cross the lattice and walk toward the
  /// minimum's column, every point on the lattice.
  @Test(arguments: ["gd", "adam"])
  func descentLeavesItsCellOnAnIntegerAxis(name: String) throws {
    var trial = try OptimizerTrial(name, on: Self.integerBooth)
    var columns = Set<Double>()
    for _ in 0..<300 {
      trial.step()
      let x = trial.position
      #expect(x[0] == x[0].rounded(), "\(name) stands at \(x)")
      columns.insert(x[0])
    }
    #expect(columns.count >= 5, "\(name) visited only the columns \(columns.sorted())")
    #expect(trial.position[0] > -5, "\(name) ended at \(trial.position)")
  }

  /// Between two lattice crossings the shadow holds the fraction walked:
  /// the descent's first steps from (−8, −8) stay at x = −8 while x̃ moves.
  @Test func theShadowAccumulatesBelowALatticeStep() throws {
    var trial = try OptimizerTrial("adam", on: Self.integerBooth)
    trial.step()
    #expect(trial.position[0] == -8)
    let shadow = try #require(Self.shadow(of: trial.optimizer))
    #expect(shadow[0] > -8 && shadow[0] < -7.5, "x̃ = \(shadow)")
    trial.run(3)
    #expect(trial.position[0] == -7)
  }

  /// A descent on a boolean axis flips it: gd and Adam on Booth with x
  /// boolean end on the minimum's bit, x = 1.
  @Test(arguments: ["gd", "adam", "spsa"])
  func descentFlipsABooleanAxisTowardTheMinimum(name: String) throws {
    var trial = try OptimizerTrial(name, on: Self.booleanBooth)
    var bits: Set<Double> = [trial.position[0]]  // the start's bit, 0
    for _ in 0..<500 {
      trial.step()
      bits.insert(trial.position[0])
    }
    #expect(bits == [0, 1], "\(name) took the bits \(bits.sorted())")
    let best = try #require(trial.optimizer.best)
    #expect(best.position[0] == 1, "\(name) ended at \(best.position)")
  }

  /// The flip probability is σ(η·|ĝᵢ|·s) when −ĝᵢ points toward the other
  /// value, measured over 20 000 proposals within 5 standard errors; none
  /// when it points away.
  @Test(arguments: [(0.5, 0.0), (2.0, 1.0), (0.05, 0.0)])
  func booleanFlipsFollowTheSigmoid(z: Double, bit: Double) {
    let domain = Domain(axes: [Axis(0, 1, kind: .boolean)])
    let shadow = LatticeShadow(at: [bit])
    let learningRate = 0.1, scale = 4.0
    let size = z / (learningRate * scale)
    let toward = bit == 0 ? -size : size
    var rng = SeededGenerator(seed: 11)
    let trials = 20_000
    var flips = 0, awayFlips = 0
    for _ in 0..<trials {
      let proposal = shadow.propose(
        [0.3], gradient: [toward], learningRate: learningRate, flipScale: scale, domain: domain, rng: &rng)
      if proposal.target[0] != bit { flips += 1 }
      let away = shadow.propose(
        [0.3], gradient: [-toward], learningRate: learningRate, flipScale: scale, domain: domain, rng: &rng)
      if away.target[0] != bit { awayFlips += 1 }
    }
    let expected = 1 / (1 + exp(-z))
    let measured = Double(flips) / Double(trials)
    let standardError = (expected * (1 - expected) / Double(trials)).squareRoot()
    #expect(abs(measured - expected) < 5 * standardError, "flipped \(measured), σ(\(z)) = \(expected)")
    #expect(awayFlips == 0)
  }

  /// EKI's members keep continuous shadows on an integer axis: after a few
  /// steps some shadow lies between lattice points while every evaluated
  /// point and every member shown is whole, and the ensemble finds the
  /// minimum's column.
  @Test func ekiShadowsMoveOnAnIntegerAxis() throws {
    var trial = try OptimizerTrial("eki", on: Self.integerBooth)
    var fractional = false
    for _ in 0..<100 {
      trial.step()
      for probe in trial.evaluator.probes.points { #expect(probe.position[0] == probe.position[0].rounded()) }
      for particle in trial.optimizer.particles { #expect(particle.position[0] == particle.position[0].rounded()) }
      let shadows = try #require(Self.members(of: trial.optimizer))
      if shadows.contains(where: { $0[0] != $0[0].rounded() }) { fractional = true }
    }
    #expect(fractional, "no member's shadow ever left the lattice")
    let best = try #require(trial.optimizer.best)
    #expect(best.position[0] == 1, "eki ended at \(best.position)")
  }

  /// x̃ of a descent, read from its stored state.
  static func shadow(of optimizer: any Optimizer) -> Vector? {
    let stored = Mirror(reflecting: optimizer).children.first { $0.label == "shadow" }?.value
    return (stored as? LatticeShadow?)??.position
  }

  /// EKI's member positions (the shadows), read from its stored state.
  static func members(of optimizer: any Optimizer) -> [Vector]? {
    Mirror(reflecting: optimizer).children.first { $0.label == "positions" }?.value as? [Vector]
  }
}

/// Booth's function, (x + 2y − 7)² + (2x + y − 5)², with its gradient;
/// minimum 0 at (1, 3).
struct Booth: Objective {
  var dimension: Int { 2 }

  func value(at x: Vector) -> Double {
    let a = x[0] + 2 * x[1] - 7, b = 2 * x[0] + x[1] - 5
    return a * a + b * b
  }

  var hasAnalyticGradient: Bool { true }

  func gradient(at x: Vector) -> Vector {
    let a = x[0] + 2 * x[1] - 7, b = 2 * x[0] + x[1] - 5
    return [2 * a + 4 * b, 4 * a + 2 * b]
  }
}
