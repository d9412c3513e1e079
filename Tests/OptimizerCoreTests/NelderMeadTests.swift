import OptimizerCore
import Testing

/// Nelder–Mead's moves follow the textbook, its simplex contracts onto a
/// minimum, and a collapsed simplex restarts.
@Suite struct NelderMeadTests {
  /// One hand-computed iteration on f = x² + y² (or, for the shrink, a
  /// plateau with a single low point): the starting simplex, the vertices
  /// after the step, and the move's code.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var start: [Vector]
    var expected: [Vector]
    var move: Double
    var plateau = false
    var testDescription: String { name }
  }

  static let cases = [
    // c = (1.5, 1), x_r = (1, −1), f_r = 2: f₁ ≤ f_r < f₂ = 5, so reflect.
    Case(name: "reflect", start: [[1, 1], [2, 1], [2, 3]], expected: [[1, 1], [2, 1], [1, -1]], move: 1),
    // c = (7, 7.5), x_r = (5, 6), f_r = 61 < 100; x_e = (3, 4.5), f_e = 29.25 < f_r.
    Case(name: "expand", start: [[6, 8], [8, 7], [9, 9]], expected: [[6, 8], [8, 7], [3, 4.5]], move: 2),
    // c = (1.5, 0), x_r = (1, 4), f_r = 17 in [9, 20); x_oc = (1.25, 2), f = 5.5625 ≤ 17.
    Case(
      name: "contract outside", start: [[0, 0], [3, 0], [2, -4]], expected: [[0, 0], [3, 0], [1.25, 2]], move: 3),
    // c = (0.5, 1), x_r = (1, 5), f_r = 26 ≥ 9; x_ic = (0.25, −1), f = 1.0625 < 9.
    Case(
      name: "contract inside", start: [[0, 1], [1, 1], [0, -3]], expected: [[0, 1], [1, 1], [0.25, -1]], move: 4),
    // Only (0, 0) is low: reflection and contraction fail, all shrink by ½.
    Case(
      name: "shrink", start: [[0, 0], [2, 0], [0, 2]], expected: [[0, 0], [1, 0], [0, 1]], move: 5, plateau: true),
  ]

  static let plateau = TestLandscape(
    name: "plateau",
    objective: FunctionObjective(dimension: 2, value: { $0[0] == 0 && $0[1] == 0 ? 0 : 1 }),
    domain: .cube(-10, 10, dimension: 2), start: [0, 0])

  static let bowl = TestLandscape(
    name: "bowl", objective: Sphere(center: [0, 0]), domain: .cube(-10, 10, dimension: 2), start: [0, 0])

  @Test(arguments: cases)
  func movesFollowTheTextbook(_ example: Case) throws {
    let landscape = example.plateau ? Self.plateau : Self.bowl
    let simplex = example.start.map { Particle(position: $0, loss: landscape.exactLoss(at: $0)) }
    var trial = try OptimizerTrial(
      "nelder-mead", settings: [("restart", 0)], on: landscape, adopting: simplex)
    #expect(trial.optimizer.particles.map(\.position) == example.start)
    trial.step()
    #expect(trial.optimizer.particles.map(\.position) == example.expected)
    #expect(trial.optimizer.inspect().readout("move")?.value == example.move)
    for particle in trial.optimizer.particles {
      #expect(particle.loss == landscape.exactLoss(at: particle.position))
    }
  }

  /// On the sphere the simplex closes in on the minimum: after 150
  /// iterations every vertex lies within 10⁻⁶ of the origin and the size
  /// readout has fallen from 0.2·w to below 10⁻⁶.
  @Test func simplexShrinksAroundTheMinimum() throws {
    var trial = try OptimizerTrial("nelder-mead", settings: [("restart", 0)], on: .sphere)
    trial.step()
    let start = try #require(trial.optimizer.inspect().readout("simplex-size")).value
    #expect(start >= 1.9)
    trial.run(149)
    #expect(trial.optimizer.particles.allSatisfy { $0.position.norm < 1e-6 })
    #expect(try #require(trial.optimizer.inspect().readout("simplex-size")).value < 1e-6)
  }

  /// Once the simplex has collapsed onto the sphere's minimum it restarts
  /// elsewhere at its starting size (noting a resample) and goes on using
  /// its budget; with restarts off it stays.
  @Test func collapsedSimplexRestarts() throws {
    var trial = try OptimizerTrial("nelder-mead", on: .sphere)
    var restarts = 0
    for _ in 0..<400 {
      trial.step()
      if trial.evaluator.events.contains(where: { $0.kind == .resample }) {
        restarts += 1
        let size = try #require(trial.optimizer.inspect().readout("simplex-size")).value
        #expect(abs(size - 2) < 1e-9, "restarted at size \(size)")
      }
    }
    #expect(restarts >= 2)
    #expect(trial.optimizer.inspect().readout("restarts")?.value == Double(restarts))
    #expect(trial.optimizer.best!.loss < 1e-12)
  }

  /// Adopting more particles than it has vertices, it keeps the leader and
  /// the best others that span the plane: (3, 0), third best, lies on the
  /// line through the two best and is passed over for (2, 3).
  @Test func adoptsASpreadSimplex() throws {
    let adopted: [Vector] = [[2, 3], [3, 0], [-1, 2], [1, 1]]
    let particles = adopted.map { Particle(position: $0, loss: Self.bowl.exactLoss(at: $0)) }
    let trial = try OptimizerTrial("nelder-mead", on: Self.bowl, adopting: particles)
    #expect(trial.optimizer.particles.map(\.position) == [[1, 1], [-1, 2], [2, 3]])
  }
}
