import RealModule

/// The project's own pseudo-random generator: xoshiro256** seeded through
/// SplitMix64, with our own uniform, normal and Rademacher sampling.
///
/// Everything a scene can replay draws from this generator, never from the
/// system's: the standard library's random algorithms may change between Swift
/// versions, and a recorded replay must not. It deliberately does not conform
/// to `RandomNumberGenerator`, so that no standard-library sampling can sneak
/// in. Each run gets its own stream: `SeededGenerator(seed:stream:)`.
public struct SeededGenerator: Sendable, Hashable {
  private var s0, s1, s2, s3: UInt64
  /// The second value of the last Box–Muller pair, if not used yet.
  private var spareNormal: Double?

  /// A generator for `stream` of `seed`. Different streams of one seed, and
  /// one stream of different seeds, give unrelated sequences.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = SplitMix64(state: seed)
    // Fold the stream in through a second SplitMix pass so that (seed, stream)
    // pairs that differ in either word land far apart.
    var streamMixer = SplitMix64(state: mixer.next() ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    s0 = streamMixer.next()
    s1 = streamMixer.next()
    s2 = streamMixer.next()
    s3 = streamMixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is a fixed point
    spareNormal = nil
  }

  /// The next 64 random bits (xoshiro256**).
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 { nextRaw() }

  @usableFromInline mutating func nextRaw() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// A child generator for a named purpose (noise, initialisation, …), so
  /// that drawing from one purpose never shifts another's sequence.
  public mutating func fork(_ purpose: UInt64) -> SeededGenerator {
    SeededGenerator(seed: next(), stream: purpose)
  }

  /// U(0, 1): 53 random bits, so every value is a multiple of 2⁻⁵³ in [0, 1).
  @inlinable public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// U(a, b).
  @inlinable public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
  }

  /// N(0, 1) by the Box–Muller transform; the pair's second value is kept for
  /// the next call.
  public mutating func normal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    // 1 − U lies in (0, 1], so the logarithm is finite.
    let u1 = 1 - uniform()
    let u2 = uniform()
    let radius = (-2 * Double.log(u1)).squareRoot()
    let angle = 2 * Double.pi * u2
    spareNormal = radius * Double.sin(angle)
    return radius * Double.cos(angle)
  }

  /// N(mean, σ²).
  public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
    mean + standardDeviation * normal()
  }

  /// ±1 with probability ½ each.
  @inlinable public mutating func rademacher() -> Double {
    next() >> 63 == 0 ? -1 : 1
  }

  /// True with probability p.
  @inlinable public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

  /// A uniform integer in 0..<n (Lemire's multiply-and-reject method).
  public mutating func integer(below n: Int) -> Int {
    precondition(n > 0, "integer(below:) needs n > 0")
    let bound = UInt64(n)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return Int(product.high)
  }

  /// A uniform integer in the closed range.
  public mutating func integer(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + integer(below: range.upperBound - range.lowerBound + 1)
  }

  /// ξ ~ N(0, I) in n dimensions.
  public mutating func normalVector(dimension: Int) -> Vector {
    var v = Vector.zeros(dimension)
    for i in 0..<dimension { v[i] = normal() }
    return v
  }

  /// A vector of independent Rademacher signs.
  public mutating func rademacherVector(dimension: Int) -> Vector {
    var v = Vector.zeros(dimension)
    for i in 0..<dimension { v[i] = rademacher() }
    return v
  }

  /// A uniformly random direction on the unit sphere.
  public mutating func unitVector(dimension: Int) -> Vector {
    while true {
      let v = normalVector(dimension: dimension)
      let n = v.norm
      if n > 1e-300 { return v / n }
    }
  }

  /// The elements in a uniformly random order (Fisher–Yates).
  public mutating func shuffled<T>(_ elements: [T]) -> [T] {
    var result = elements
    var i = result.count - 1
    while i > 0 {
      result.swapAt(i, integer(below: i + 1))
      i -= 1
    }
    return result
  }
}

@inlinable @inline(__always)
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// SplitMix64 (Steele, Lea and Flood): only used to expand a seed into
/// xoshiro's 256-bit state, as its authors recommend.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
