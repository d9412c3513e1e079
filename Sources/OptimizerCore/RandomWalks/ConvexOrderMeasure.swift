/// What the convex-order walk compares from one accepted move to the next
/// to raise or lower its order K (the catalog's random walks and its seed
/// readings).
enum ConvexOrderMeasure: String, CaseIterable, Sendable {
  /// The improvement per unit step ρ = (f(x) − f(y)) / ‖y − x‖: K rises
  /// when ρ exceeds the last accepted move's, falls when it falls short.
  case improvementRate = "improvement-rate"
  /// The seed's literal rule: the top order's change ‖c[K−1]‖ = ‖Δ_K‖·η
  /// (the n-th order delta times the step); K rises when it is smaller
  /// than at the last accepted move, and falls otherwise.
  case topChange = "top-change"

  /// The setting that picks the measure, the improvement rate by default.
  static let spec = HyperparameterSpec.choice(
    "orderRule", symbol: "rule", options: allCases.map(\.rawValue), default: improvementRate.rawValue,
    help: "raise K when improvement-rate, (f(x)−f(y))/‖y−x‖, grew, or when top-change, ‖Δ_K‖·η, shrank; else lower it")
}
