import OptimizerCore

/// The directions that span a map plane: two coordinate axes, two random
/// orthonormal directions, or the two principal components of a
/// trajectory. Every one is deterministic: the same inputs give the same
/// bits.
public enum PlaneBasis {
  /// The unit vectors of two coordinate axes.
  public static func axes(_ axes: MapPlane.Axes, dimension: Int) -> (Vector, Vector) {
    var a = Vector.zeros(dimension), b = Vector.zeros(dimension)
    a[axes.first] = 1
    b[axes.second] = 1
    return (a, b)
  }

  /// The generator stream of the random basis, "PLANE" in ASCII, apart
  /// from every run's stream.
  static let randomStream: UInt64 = 0x50_4C41_4E45

  /// Two random orthonormal directions: standard normal vectors from the
  /// project's `SeededGenerator` (seed, stream "PLANE"), made orthonormal
  /// by Gram–Schmidt (a draw too close to parallel is drawn again).
  public static func random(seed: UInt64, dimension: Int) -> (Vector, Vector) {
    var generator = SeededGenerator(seed: seed, stream: randomStream)
    var first = Vector.zeros(dimension)
    while !(first.norm > 1e-9) { first = generator.normalVector(dimension: dimension) }
    first = first.normalized
    var second = Vector.zeros(dimension)
    while !(second.norm > 1e-6) {
      second = generator.normalVector(dimension: dimension)
      second.add(first, scaledBy: -second.dot(first))
    }
    return (first, second.normalized)
  }

  /// The two principal components of a cloud of points and the share of
  /// its variance they leave out, 1 − (λ₁ + λ₂)/Σλ.
  public struct Principal: Sendable, Hashable {
    public var first: Vector
    public var second: Vector
    /// In [0, 1]; 0 when the points lie in the plane.
    public var offPlaneShare: Double
  }

  /// The most points a principal fit uses: past it, every k-th point, so
  /// that a big swarm's fit stays cheap enough for every frame.
  public static let principalPointLimit = 600

  /// The most power iterations per direction: a fit costs at most
  /// 2 × this × points × n multiplications, every frame.
  static let powerIterations = 100

  /// The two leading eigenvectors of the points' covariance, by power
  /// iteration from the point farthest from the mean (the second deflated
  /// against the first), each signed so that its largest coordinate is
  /// positive, so that the plane does not flip between frames. Nil when
  /// the points do not spread in two directions (fewer than three, or all
  /// on one line), where no principal plane exists.
  public static func principal(of points: [Vector]) -> Principal? {
    guard let dimension = points.first?.dimension, dimension >= 2, points.count >= 3,
      points.allSatisfy({ $0.dimension == dimension && $0.isFinite })
    else { return nil }
    let stride = (points.count + principalPointLimit - 1) / principalPointLimit
    let used = Swift.stride(from: 0, to: points.count, by: stride).map { points[$0] }
    var mean = Vector.zeros(dimension)
    for p in used { mean += p }
    mean /= Double(used.count)
    let centred = used.map { $0 - mean }
    let total = centred.reduce(0) { $0 + $1.squaredNorm } / Double(centred.count)
    guard total > 0 else { return nil }
    /// C·v = (1/N) Σ (p − m)((p − m)·v), without forming C.
    func apply(_ v: Vector) -> Vector {
      var out = Vector.zeros(dimension)
      for p in centred { out.add(p, scaledBy: p.dot(v)) }
      return out / Double(centred.count)
    }
    func leading(orthogonalTo previous: Vector?) -> (vector: Vector, value: Double)? {
      func deflated(_ v: Vector) -> Vector {
        guard let previous else { return v }
        var w = v
        w.add(previous, scaledBy: -w.dot(previous))
        return w
      }
      guard var v = centred.map(deflated).max(by: { $0.squaredNorm < $1.squaredNorm }), v.norm > 1e-12 * total.squareRoot()
      else { return nil }
      v = v.normalized
      for _ in 0..<Self.powerIterations {
        let w = deflated(apply(v))
        guard w.norm > 0, w.isFinite else { return nil }
        let next = w.normalized
        let change = (next - v).norm
        v = next
        if change < 1e-10 { break }
      }
      let value = v.dot(apply(v))
      guard value > 1e-12 * total else { return nil }
      let largest = v.components.indices.max { abs(v[$0]) < abs(v[$1]) }!
      return (v[largest] < 0 ? -v : v, value)
    }
    guard let a = leading(orthogonalTo: nil), let b = leading(orthogonalTo: a.vector) else { return nil }
    // Orthonormal to rounding: the second once more against the first.
    var second = b.vector
    second.add(a.vector, scaledBy: -second.dot(a.vector))
    let share = min(max(1 - (a.value + b.value) / total, 0), 1)
    return Principal(first: a.vector, second: second.normalized, offPlaneShare: share)
  }
}
