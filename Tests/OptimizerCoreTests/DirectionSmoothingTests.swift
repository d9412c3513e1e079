import OptimizerCore
import Testing

/// `rho` smooths the random draws of the walks, STP, annealing, threshold
/// accepting and the random searches as it does the gradient sources'
/// directions: successive proposal directions correlate more as ρ grows,
/// and ρ = 0 draws afresh.
@Suite struct DirectionSmoothingTests {
  static let methods = [
    "nth-order-walk", "adaptive-order-walk", "convex-order-walk", "stp", "simulated-annealing",
    "threshold-accepting", "random-search", "accelerated-random-search",
  ]

  /// A bowl so wide that no proposal meets its walls in a few hundred steps.
  static let wide = TestLandscape(
    name: "wide", objective: Sphere(center: [0, 0]), domain: .cube(-1000, 1000, dimension: 2), start: [300, -200])

  /// The mean cosine between the directions of successive steps' first
  /// proposals: the first probe less where the method stood (for random
  /// search, less the domain's centre, from which its samples are drawn).
  static func meanCosine(_ name: String, rho: Double) throws -> Double {
    // The adaptive walks kept at order 1, so that a proposal is the draw
    // itself and not the draw plus a committed velocity.
    let order: [(String, Double)] = name.hasSuffix("order-walk") && name != "nth-order-walk" ? [("maxOrder", 1)] : []
    var trial = try OptimizerTrial(
      name, settings: [("rho", rho)] + order, on: wide, seed: 11, evaluationBudget: nil)
    trial.step()  // annealing calibrates its temperature on the first step
    var previous: Vector?
    var total = 0.0, count = 0
    for _ in 0..<400 {
      let origin = name == "random-search" ? wide.domain.center : trial.optimizer.particles[0].position
      trial.step()
      guard let probe = trial.evaluator.probes.points.first(where: { $0.position != origin })?.position
      else { continue }
      let u = probe - origin
      if let previous, u.norm > 0, previous.norm > 0 {
        total += u.dot(previous) / (u.norm * previous.norm)
        count += 1
      }
      previous = u
    }
    return total / Double(max(count, 1))
  }

  @Test(arguments: methods)
  func successiveDirectionsCorrelateMoreAsRhoGrows(method: String) throws {
    let fresh = try Self.meanCosine(method, rho: 0)
    let smooth = try Self.meanCosine(method, rho: 0.9)
    let smoother = try Self.meanCosine(method, rho: 0.99)
    #expect(abs(fresh) < 0.25, "\(method): ρ = 0 gave a mean cosine of \(fresh)")
    #expect(smooth > fresh + 0.3, "\(method): ρ = 0.9 gave \(smooth), ρ = 0 \(fresh)")
    #expect(smoother > smooth, "\(method): ρ = 0.99 gave \(smoother), ρ = 0.9 \(smooth)")
  }
}
