import RealModule

/// A descent's continuous shadow x̃ on a domain with integer or boolean
/// axes: how a descent moves on a lattice (docs/OPTIMIZERS.md, "Discrete
/// moves").
///
/// The update rule's Δ moves x̃, and the descent stands at round(x̃): on an
/// integer axis small steps accumulate in x̃ until they cross a lattice
/// point, a straight-through estimate (ĝ is measured at the lattice point
/// and applied to x̃). On a boolean axis x̃ is the bit itself, and a step
/// flips it with probability σ(η·|ĝᵢ|·s) when −ĝᵢ points toward the other
/// value (s is `flipScale`). x̃ stays in the box. A descent on a continuous
/// domain keeps no shadow: x̃ would be x.
struct LatticeShadow: Sendable {
  /// s: the flip probability's scale on boolean axes, listed only on a
  /// domain that has one.
  static let flipScale: HyperparameterSpec = {
    var spec = HyperparameterSpec(
      "flipScale", symbol: "s", default: 4, range: 0...100,
      help: "boolean axes: flip with probability σ(η·|ĝᵢ|·s) when −ĝ points to the other value")
    spec.isForBooleanAxes = true
    return spec
  }()

  /// x̃: clamped into the box, not rounded (0 or 1 on boolean axes).
  private(set) var position: Vector

  /// The shadow of x, which lies on the lattice.
  init(at x: Vector) { position = x }

  /// A move proposed from the shadow: where the descent goes, and x̃ after
  /// the move when the descent takes it.
  struct Proposal {
    var target: Vector
    var shadow: Vector
  }

  /// The move for Δ and ĝ: x̃ + Δ clamped into the box, rounded onto
  /// integer axes; on a boolean axis the bit flips with probability
  /// σ(η·|ĝᵢ|·s) when −ĝᵢ points toward the other value, drawn from `rng`.
  func propose(
    _ displacement: Vector, gradient: Vector, learningRate: Double, flipScale: Double, domain: Domain,
    rng: inout SeededGenerator
  ) -> Proposal {
    var shadow = position
    var target = position
    for (i, axis) in domain.axes.enumerated() {
      switch axis.kind {
      case .continuous, .integer:
        shadow[i] = axis.clamped(position[i] + displacement[i])
        target[i] = axis.project(shadow[i])
      case .boolean:
        let bit = position[i]
        let towardOther = bit == 0 ? 1.0 : -1.0
        let g = gradient[i]
        if -g * towardOther > 0, rng.uniform() < Self.flipProbability(learningRate * g.magnitude * flipScale) {
          shadow[i] = 1 - bit
        }
        target[i] = shadow[i]
      }
    }
    return Proposal(target: target, shadow: shadow)
  }

  /// σ(z) = 1/(1 + e^(−z)).
  static func flipProbability(_ z: Double) -> Double { 1 / (1 + Double.exp(-z)) }

  /// After the guards reviewed `proposal`: the descent took it (x̃ moves on),
  /// a guard cancelled it (x̃ stays), or a guard sent the descent elsewhere
  /// (x̃ starts again from there).
  mutating func settle(_ proposal: Proposal, outcome: Vector, origin: Vector) {
    if outcome == proposal.target {
      position = proposal.shadow
    } else if outcome != origin {
      position = outcome
    }
  }
}
