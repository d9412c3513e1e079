import RealModule

/// The `cma` package's `BoundPenalty` (Hansen et al. 2009, "A method for
/// handling uncertainty in evolutionary optimization", with its addendum):
/// a sample x outside the box is evaluated at its projection x̂ and ranked
/// by f(x̂) + Σᵢ γᵢ·(xᵢ − x̂ᵢ)²/n, with coordinate-wise weights γ adapted
/// so that the mean stays close to the box.
///
/// Each generation, before ranking: with vᵢ = σ²·C_ii, the loss spread
/// δ = IQR(f)/mean(v) joins a history of 20 + 3n/λ values, whose median is
/// δ̄. Once the mean has left the box, γ starts at 2·δ̄ on every axis; after
/// that, with the mean's distance outside eᵢ = |mᵢ − m̂ᵢ|/√vᵢ − 3·max(1, √n/μ_eff)
/// (in standard deviations) and the damping d = min(1, μ_eff/(10n)),
/// γᵢ ← γᵢ·exp(tanh(eᵢ/3)/2)^d where eᵢ > 0, and γᵢ ← γᵢ·exp(−1/3)^d where
/// γᵢ > 5·δ̄, so weights rise fast while the mean is out and fall back
/// slowly.
struct BoxPenalty: Sendable, Hashable {
  private let lower: [Double]
  private let upper: [Double]
  /// γ, empty until the mean first leaves the box.
  private var weights: [Double] = []
  /// Recent normalized loss spreads δ, newest first.
  private var spreads: [Double] = []

  init(domain: Domain) {
    lower = domain.axes.map(\.lower)
    upper = domain.axes.map(\.upper)
  }

  /// Σᵢ γᵢ·(xᵢ − x̂ᵢ)²/n for the sample x and its projection x̂ (0 before
  /// the weights exist).
  func penalty(sample x: Vector, projection projected: Vector) -> Double {
    guard !weights.isEmpty else { return 0 }
    var sum = 0.0
    for i in weights.indices {
      let d = x[i] - projected[i]
      sum += weights[i] * d * d
    }
    return sum / Double(weights.count)
  }

  /// Adapts γ to one generation: its losses, the mean m, σ, C's diagonal,
  /// λ and μ_eff.
  mutating func update(
    losses: [Double], mean: Vector, sigma: Double, covarianceDiagonal: [Double], effectiveParents: Double
  ) {
    let n = lower.count
    let variances = covarianceDiagonal.map { sigma * sigma * $0 }
    let meanVariance = variances.reduce(0, +) / Double(n)
    let sorted = losses.sorted()
    let count = 1 + sorted.count
    let spread = (sorted[min(3 * count / 4, sorted.count - 1)] - sorted[count / 4]) / meanVariance
    if spread.isFinite && spread > 0 {
      spreads.insert(spread, at: 0)
    } else if spread == .infinity, spreads.count > 1 {
      spreads.insert(spreads.max()!, at: 0)
    }
    if Double(spreads.count) > 20 + 3 * Double(n) / Double(losses.count) { spreads.removeLast() }
    guard !spreads.isEmpty else { return }
    let typical = Self.median(spreads)
    let outside = (0..<n).map { i in
      (mean[i] - min(max(mean[i], lower[i]), upper[i])) / variances[i].squareRoot()
    }
    if weights.isEmpty {
      guard outside.contains(where: { $0 != 0 }) else { return }
      weights = Array(repeating: 2 * typical, count: n)
    }
    let damping = min(1, effectiveParents / 10 / Double(n))
    let threshold = 3 * max(1, Double(n).squareRoot() / effectiveParents)
    for i in 0..<n {
      let excess = abs(outside[i]) - threshold
      if excess > 0 { weights[i] *= Double.pow(Double.exp(Double.tanh(excess / 3) / 2), damping) }
      if weights[i] > 5 * typical { weights[i] *= Double.exp(-damping / 3) }
    }
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
