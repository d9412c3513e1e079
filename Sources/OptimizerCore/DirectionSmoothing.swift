/// Smoothed random directions (ρ, default 0), one implementation for every
/// random generator that takes `rho`: the random gradient sources
/// (`RandomProbing`), the random walks, STP, annealing, threshold accepting
/// and the random searches.
///
/// u_t = normalize(ρ·u_{t−1} + √(1−ρ²)·ξ_t), where ξ_t is the generator's
/// fresh draw and u_{t−1} the direction the same slot (a probe, a
/// candidate) used on the previous draw. Both are blended as unit vectors
/// and the result takes ‖ξ_t‖, the length the generator's own draws have:
/// turning ρ up changes how directions wander, never how long they are, and
/// the angle between successive directions is at most asin(√(1−ρ²)/ρ) for
/// ρ > 1/√2 (2.6° at ρ = 0.999). (Blending the raw vectors instead would
/// let a short u_{t−1} be swamped by the fresh draw.) ρ = 0 is the fresh
/// draw itself, bit for bit.
struct DirectionSmoothing: Sendable {
  /// The setting, shared by name so that a swap keeps it.
  static let spec = HyperparameterSpec(
    "rho", symbol: "ρ", default: 0, range: 0...1,
    help: "direction smoothing: u ← normalize(ρ·u_prev + √(1−ρ²)·ξ); 0 draws every direction afresh")

  /// The direction each slot used last, in slot order.
  private var previous: [Vector] = []

  /// u for `slot`: the fresh draw when ρ = 0 or the slot is new, else
  /// ρ·û_prev + √(1−ρ²)·f̂resh (unit vectors) rescaled to ‖fresh‖.
  /// Remembered for the slot's next draw.
  mutating func smooth(_ fresh: Vector, slot: Int, rho: Double) -> Vector {
    var u = fresh
    if rho > 0 && slot < previous.count {
      let freshLength = fresh.norm
      let previousLength = previous[slot].norm
      if freshLength > 0 && previousLength > 0 {
        u *= (1 - rho * rho).squareRoot() / freshLength
        u.add(previous[slot], scaledBy: rho / previousLength)
        let length = u.norm
        if length > 0 { u *= freshLength / length }
      }
    }
    if slot < previous.count {
      previous[slot] = u
    } else {
      previous.append(u)
    }
    return u
  }
}

extension DirectionSmoothing {
  /// The random step of the mutation-style methods, δ = η·ξ
  /// (`DiscreteMutation.gaussianStep`), smoothed for `slot` on a box of
  /// continuous axes only: on integer and boolean axes δ is a native move
  /// of whole steps and flips, which a blend would break, so there it is
  /// taken as drawn.
  mutating func gaussianStep(
    from x: Vector, scale eta: Double, slot: Int, rho: Double, mutation: DiscreteMutation,
    rng: inout SeededGenerator
  ) -> Vector {
    let fresh = mutation.gaussianStep(from: x, scale: eta, rng: &rng)
    return mutation.isEmpty ? smooth(fresh, slot: slot, rho: rho) : fresh
  }
}

extension DirectionSmoothing {
  /// A uniform sample of the box [lower, upper] smoothed for `slot`: its
  /// offset from `centre` (the domain's centre for random search, x for
  /// accelerated random search, whose box is centred on x away from the
  /// walls) is the direction blended, and the result is clamped into the
  /// box, so successive samples lean the same way from it. Only on a box of
  /// continuous axes (`continuous`) and for ρ > 0; otherwise the sample
  /// is taken as drawn, bit for bit.
  mutating func sample(
    _ fresh: Vector, around centre: Vector, lower: Vector, upper: Vector, slot: Int, rho: Double,
    continuous: Bool
  ) -> Vector {
    guard continuous && rho > 0 else { return fresh }
    var sample = centre + smooth(fresh - centre, slot: slot, rho: rho)
    for i in 0..<sample.dimension { sample[i] = min(max(sample[i], lower[i]), upper[i]) }
    return sample
  }
}
