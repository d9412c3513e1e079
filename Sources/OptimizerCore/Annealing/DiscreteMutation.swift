/// Native moves on integer and boolean axes (whole steps and flips), shared
/// by the mutation-style methods: annealing, threshold accepting, the random
/// walks, STP and accelerated random search.
///
/// A continuous move projected onto a lattice stands still whenever it is
/// shorter than half a step; a native move never does. Each discrete axis
/// changes with probability 1/d (d discrete axes), and one of them surely
/// when no axis is continuous: an integer axis by a whole number of steps,
/// a boolean one by a flip xᵢ ← 1 − xᵢ (the displacement 1 − 2xᵢ = ±1).
/// Displacements are returned as vectors whose discrete components are whole
/// numbers, so that a walk can integrate them and stay on the lattice.
/// Continuous axes are the caller's, except in `gaussianStep`.
struct DiscreteMutation: Sendable, Hashable {
  /// How far an integer axis moves when it changes.
  enum StepLaw {
    /// ±max(1, round(|σ·ξ|)) with the sign of ξ ~ N(0, 1): a Gaussian step
    /// of standard deviation σ, rounded to at least one whole step.
    case gaussian(Double)
    /// A whole number of the box [lowerᵢ, upperᵢ] other than xᵢ, uniformly
    /// (no move when the box holds no other whole number).
    case box(lower: Vector, upper: Vector)
  }

  private let axes: [Axis]
  /// The integer and boolean axes, in order.
  private let discreteAxes: [Int]
  /// The boolean axes, in order.
  private let booleanAxes: [Int]
  private let hasContinuousAxis: Bool

  init(domain: Domain) {
    let axes = domain.axes
    self.axes = axes
    discreteAxes = axes.indices.filter { axes[$0].kind != .continuous }
    booleanAxes = axes.indices.filter { axes[$0].kind == .boolean }
    hasContinuousAxis = discreteAxes.count < axes.count
  }

  /// True when every axis is continuous: there is nothing to move natively.
  var isEmpty: Bool { discreteAxes.isEmpty }

  /// Adds a native move of the discrete axes, made from x, to `target`:
  /// each discrete axis changes with probability 1/d (one surely when no
  /// axis is continuous); integer axes by a whole number drawn by `law`,
  /// boolean ones by 1 − 2xᵢ. `target` is x itself (a candidate) or a
  /// displacement that starts at zero on the discrete axes.
  func move(_ target: inout Vector, from x: Vector, law: StepLaw, rng: inout SeededGenerator) {
    guard !discreteAxes.isEmpty else { return }
    let chance = 1 / Double(discreteAxes.count)
    let forced = hasContinuousAxis ? nil : discreteAxes[rng.integer(below: discreteAxes.count)]
    for axis in discreteAxes where axis == forced || rng.bernoulli(chance) {
      switch axes[axis].kind {
      case .boolean:
        target[axis] += 1 - 2 * x[axis]
      case .integer, .continuous:
        target[axis] += wholeSteps(on: axis, from: x[axis], law: law, rng: &rng)
      }
    }
  }

  /// δ with σ·ξᵢ on continuous axes and a native move (`.gaussian(σ)`) on
  /// discrete ones: the random step of annealing, the walks and STP.
  func gaussianStep(from x: Vector, scale sigma: Double, rng: inout SeededGenerator) -> Vector {
    var delta = Vector.zeros(x.dimension)
    for i in axes.indices where axes[i].kind == .continuous { delta[i] = sigma * rng.normal() }
    move(&delta, from: x, law: .gaussian(sigma), rng: &rng)
    return delta
  }

  /// Sets the boolean components of v to zero: a flip has no direction that
  /// a walk's velocity or acceleration could carry to the next step.
  func clearBooleanAxes(_ v: inout Vector) {
    for axis in booleanAxes { v[axis] = 0 }
  }

  /// The signed whole number of steps an integer axis moves from `value`.
  private func wholeSteps(on axis: Int, from value: Double, law: StepLaw, rng: inout SeededGenerator) -> Double {
    switch law {
    case .gaussian(let sigma):
      let xi = rng.normal()
      let size = max(1, (sigma * xi).magnitude.rounded())
      return xi < 0 ? -size : size
    case .box(let lower, let upper):
      let low = lower[axis].rounded(.up), high = upper[axis].rounded(.down)
      let inside = value >= low && value <= high
      let count = Int(max(high - low + 1, 0)) - (inside ? 1 : 0)
      guard count > 0 else { return 0 }
      // A uniform whole number of [low, high] other than the current one.
      var pick = low + Double(rng.integer(below: count))
      if inside && pick >= value { pick += 1 }
      return pick - value
    }
  }
}
