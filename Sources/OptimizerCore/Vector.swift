/// A point or direction in Rⁿ, for any n ≥ 1.
///
/// A thin value type over `[Double]`: copies share storage until one is
/// mutated, so the in-place operations (`+=`, `add(_:scaledBy:)`, the
/// subscript setter) allocate nothing when the vector is uniquely owned. Hot
/// loops use those; the allocating operators (`+`, `-`, `*`) are for clarity
/// elsewhere.
public struct Vector: Sendable, Hashable, Codable {
  public var components: [Double]

  @inlinable public init(_ components: [Double]) { self.components = components }

  @inlinable public init(repeating value: Double, dimension: Int) {
    components = Array(repeating: value, count: dimension)
  }

  /// The zero vector of the given dimension.
  @inlinable public static func zeros(_ dimension: Int) -> Vector {
    Vector(repeating: 0, dimension: dimension)
  }

  @inlinable public var dimension: Int { components.count }

  @inlinable public subscript(index: Int) -> Double {
    get { components[index] }
    set { components[index] = newValue }
  }

  /// Σ aᵢbᵢ.
  @inlinable public func dot(_ other: Vector) -> Double {
    precondition(dimension == other.dimension, "dimension mismatch")
    var sum = 0.0
    for i in components.indices { sum += components[i] * other.components[i] }
    return sum
  }

  /// ‖a‖² = Σ aᵢ².
  @inlinable public var squaredNorm: Double { dot(self) }

  /// ‖a‖ = √(Σ aᵢ²).
  @inlinable public var norm: Double { squaredNorm.squareRoot() }

  /// ‖a − b‖.
  @inlinable public func distance(to other: Vector) -> Double {
    precondition(dimension == other.dimension, "dimension mismatch")
    var sum = 0.0
    for i in components.indices {
      let d = components[i] - other.components[i]
      sum += d * d
    }
    return sum.squareRoot()
  }

  /// a / ‖a‖, or the zero vector when ‖a‖ = 0.
  @inlinable public var normalized: Vector {
    let n = norm
    return n > 0 ? self / n : self
  }

  /// True when every component is finite (no NaN, no ±∞).
  @inlinable public var isFinite: Bool { components.allSatisfy(\.isFinite) }

  /// self += s·v, in place (BLAS's axpy).
  @inlinable public mutating func add(_ v: Vector, scaledBy s: Double) {
    precondition(dimension == v.dimension, "dimension mismatch")
    for i in components.indices { components[i] += s * v.components[i] }
  }

  /// The componentwise map.
  @inlinable public func map(_ transform: (Double) -> Double) -> Vector {
    Vector(components.map(transform))
  }

  /// The componentwise (Hadamard) product a ⊙ b.
  @inlinable public func hadamard(_ other: Vector) -> Vector {
    precondition(dimension == other.dimension, "dimension mismatch")
    var result = self
    for i in components.indices { result.components[i] *= other.components[i] }
    return result
  }
}

extension Vector: ExpressibleByArrayLiteral {
  @inlinable public init(arrayLiteral elements: Double...) { self.init(elements) }
}

extension Vector: CustomStringConvertible {
  public var description: String {
    "(" + components.map { formatNumber($0) }.joined(separator: ", ") + ")"
  }
}

// MARK: - Arithmetic

extension Vector {
  @inlinable public static func += (lhs: inout Vector, rhs: Vector) { lhs.add(rhs, scaledBy: 1) }
  @inlinable public static func -= (lhs: inout Vector, rhs: Vector) { lhs.add(rhs, scaledBy: -1) }

  @inlinable public static func *= (lhs: inout Vector, rhs: Double) {
    for i in lhs.components.indices { lhs.components[i] *= rhs }
  }

  @inlinable public static func /= (lhs: inout Vector, rhs: Double) { lhs *= 1 / rhs }

  @inlinable public static func + (lhs: Vector, rhs: Vector) -> Vector {
    var result = lhs
    result += rhs
    return result
  }

  @inlinable public static func - (lhs: Vector, rhs: Vector) -> Vector {
    var result = lhs
    result -= rhs
    return result
  }

  @inlinable public static func * (lhs: Double, rhs: Vector) -> Vector {
    var result = rhs
    result *= lhs
    return result
  }

  @inlinable public static func * (lhs: Vector, rhs: Double) -> Vector { rhs * lhs }

  @inlinable public static func / (lhs: Vector, rhs: Double) -> Vector {
    var result = lhs
    result /= rhs
    return result
  }

  @inlinable public static prefix func - (v: Vector) -> Vector { -1 * v }
}
