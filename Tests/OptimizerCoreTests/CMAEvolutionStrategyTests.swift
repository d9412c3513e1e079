#if canImport(Glibc)
import Glibc
#endif
import OptimizerCore
import Testing

/// CMA-ES learns the shape of the landscape, converges where an isotropic
/// search crawls, and restarts with a doubled population.
@Suite struct CMAEvolutionStrategyTests {
  /// f = u² + 100·v² with (u, v) the coordinates rotated by 30°: its level
  /// sets are ellipses with axis ratio √100 = 10, the long axis along
  /// (cos 30°, sin 30°).
  struct RotatedEllipsoid: Objective {
    static let angle = Double.pi / 6
    var dimension: Int { 2 }
    func value(at x: Vector) -> Double {
      let (c, s) = (cos(Self.angle), sin(Self.angle))
      let u = c * x[0] + s * x[1], v = -s * x[0] + c * x[1]
      return u * u + 100 * v * v
    }
  }

  static let ellipsoid = TestLandscape(
    name: "rotated ellipsoid", objective: RotatedEllipsoid(), domain: .cube(-5, 5, dimension: 2), start: [3, -4])

  /// The semi-axes of the sampling ellipse overlay.
  static func samplingAxes(_ trial: OptimizerTrial) throws -> (major: Vector, minor: Vector) {
    for overlay in trial.optimizer.inspect().overlays {
      if case .ellipse(_, let axes, .sampling) = overlay { return (axes[0], axes[1]) }
    }
    throw EllipseMissing()
  }

  struct EllipseMissing: Error {}

  /// After 60 generations the sampling ellipse has the landscape's shape:
  /// its axis ratio is within 30 % of 10 and its long axis within 5° of
  /// the valley's direction. It starts as a circle.
  @Test func learnsTheAxisRatioAndOrientationOfAnEllipsoid() throws {
    var trial = try OptimizerTrial("cma-es", settings: [("restarts", 0)], on: Self.ellipsoid)
    trial.step()
    let first = try Self.samplingAxes(trial)
    #expect(first.major.norm / first.minor.norm < 3)
    trial.run(59)
    let (major, minor) = try Self.samplingAxes(trial)
    let ratio = major.norm / minor.norm
    #expect(ratio > 7 && ratio < 13, "axis ratio \(ratio), expected about 10")
    let valley: Vector = [cos(RotatedEllipsoid.angle), sin(RotatedEllipsoid.angle)]
    let alignment = abs(major.normalized.dot(valley))
    #expect(alignment > cos(5 * Double.pi / 180), "long axis \(major) is off the valley \(valley)")
    let readout = try #require(trial.optimizer.inspect().readout("axis-ratio")).value
    #expect(abs(readout - ratio) < 1e-6 * ratio)
  }

  /// Rosenbrock's curved valley, which defeats an isotropic search, is
  /// followed to the minimum within 250 generations (1500 evaluations).
  @Test func convergesOnRosenbrock() throws {
    var trial = try OptimizerTrial("cma-es", settings: [("restarts", 0)], on: .rosenbrock)
    trial.run(250)
    #expect(trial.reachedExactLoss < 1e-12)
    #expect(trial.evaluator.evaluations == 250 * 6)
  }

  /// Once the search on the sphere has converged, it restarts: the step
  /// notes a resample, λ doubles, the generation count starts over and σ
  /// is back at σ₀; the best point survives. Without restarts it never does.
  @Test func restartsDoubleThePopulation() throws {
    var trial = try OptimizerTrial("cma-es", on: .sphere)
    let sigma0 = trial.optimizer.hyperparameters["sigma0"]
    var restarted = false
    for _ in 0..<400 {
      let best = trial.optimizer.best?.loss ?? .infinity
      trial.step()
      guard trial.evaluator.events.contains(where: { $0.kind == .resample }) else { continue }
      let inspection = trial.optimizer.inspect()
      #expect(inspection.readout("population")?.value == 12)
      #expect(inspection.readout("restarts")?.value == 1)
      #expect(inspection.readout("generation")?.value == 0)
      #expect(inspection.readout("sigma")?.value == sigma0)
      #expect(best < 1e-12 && trial.optimizer.best!.loss <= best)
      restarted = true
      break
    }
    #expect(restarted)

    var steady = try OptimizerTrial("cma-es", settings: [("restarts", 0)], on: .sphere)
    for _ in 0..<400 {
      steady.step()
      #expect(!steady.evaluator.events.contains { $0.kind == .resample })
    }
    #expect(steady.optimizer.inspect().readout("population")?.value == 6)
  }

  /// From σ₀ larger than the box, both of cma's boundary handlers still
  /// find the shifted sphere's minimum, and the mean is drawn inside the
  /// box. (Plain clamping, `project`, ends this run stuck in a corner.)
  @Test(arguments: ["transform", "penalty"])
  func convergesFromAWideStartWithEveryBoundaryHandler(boundary: String) throws {
    let index = ["transform", "penalty", "project"].firstIndex(of: boundary)!
    var trial = try OptimizerTrial(
      "cma-es", settings: [("boundary", Double(index)), ("sigma0", 15), ("restarts", 0)], on: .shiftedSphere)
    trial.run(120)
    #expect(trial.reachedExactLoss < 1e-10)
    for overlay in trial.optimizer.inspect().overlays {
      if case .mark(let mean, .mean) = overlay { #expect(TestLandscape.shiftedSphere.domain.contains(mean)) }
    }
  }
}
