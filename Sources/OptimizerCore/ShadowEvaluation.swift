extension Evaluator {
  /// f at the lattice point nearest a continuous shadow x̃ (PSO's and EKI's
  /// positions on integer and boolean axes, docs/OPTIMIZERS.md "Discrete
  /// moves"): x̃ is clamped into the box but not rounded, so that moves
  /// smaller than a lattice step accumulate in it, and `point` receives
  /// round(x̃), the point evaluated.
  mutating func evaluate(shadow: inout Vector, into point: inout Vector) -> Double {
    for (i, axis) in domain.axes.enumerated() {
      shadow[i] = axis.clamped(shadow[i])
      point[i] = shadow[i]
    }
    return evaluate(&point)
  }
}
