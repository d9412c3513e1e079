/// A dense n×n matrix of doubles, stored row by row: the covariance and
/// transformation matrices of the evolution strategies, for any n ≥ 1.
///
/// Like `Vector`, a value type over one array: the in-place operations
/// (`addOuterProduct`, `scale(by:)`, the subscript setter) allocate nothing
/// when the matrix is uniquely owned.
struct SquareMatrix: Sendable, Hashable {
  let dimension: Int
  /// Aᵢⱼ at index i·n + j.
  private(set) var elements: [Double]

  /// The matrix with these elements, row by row; there must be n² of them.
  init(dimension: Int, elements: [Double]) {
    precondition(elements.count == dimension * dimension, "a \(dimension)×\(dimension) matrix needs n² elements")
    self.dimension = dimension
    self.elements = elements
  }

  /// 0.
  static func zeros(_ dimension: Int) -> SquareMatrix {
    SquareMatrix(dimension: dimension, elements: Array(repeating: 0, count: dimension * dimension))
  }

  /// I.
  static func identity(_ dimension: Int) -> SquareMatrix {
    var matrix = zeros(dimension)
    for i in 0..<dimension { matrix[i, i] = 1 }
    return matrix
  }

  /// diag(d).
  static func diagonal(_ d: [Double]) -> SquareMatrix {
    var matrix = zeros(d.count)
    for i in d.indices { matrix[i, i] = d[i] }
    return matrix
  }

  subscript(row: Int, column: Int) -> Double {
    get { elements[row * dimension + column] }
    set { elements[row * dimension + column] = newValue }
  }

  /// The rows, as nested arrays (what `Overlay.covarianceEllipse` reads).
  var rows: [[Double]] {
    (0..<dimension).map { Array(elements[$0 * dimension..<($0 + 1) * dimension]) }
  }

  /// The i-th row.
  func row(_ i: Int) -> Vector {
    Vector(Array(elements[i * dimension..<(i + 1) * dimension]))
  }

  /// Aᵀ.
  var transposed: SquareMatrix {
    var result = self
    for i in 0..<dimension {
      for j in 0..<dimension { result[i, j] = self[j, i] }
    }
    return result
  }

  /// The diagonal A₁₁ … Aₙₙ.
  var diagonal: [Double] { (0..<dimension).map { self[$0, $0] } }

  /// tr A = Σ Aᵢᵢ.
  var trace: Double { diagonal.reduce(0, +) }

  /// A·v.
  func times(_ v: Vector) -> Vector {
    precondition(v.dimension == dimension, "dimension mismatch")
    var result = Vector.zeros(dimension)
    for i in 0..<dimension {
      var sum = 0.0
      let base = i * dimension
      for j in 0..<dimension { sum += elements[base + j] * v[j] }
      result[i] = sum
    }
    return result
  }

  /// A·B.
  static func * (a: SquareMatrix, b: SquareMatrix) -> SquareMatrix {
    precondition(a.dimension == b.dimension, "dimension mismatch")
    let n = a.dimension
    var result = SquareMatrix.zeros(n)
    for i in 0..<n {
      for k in 0..<n {
        let aik = a[i, k]
        if aik == 0 { continue }
        for j in 0..<n { result.elements[i * n + j] += aik * b.elements[k * n + j] }
      }
    }
    return result
  }

  /// A ← s·A, in place.
  mutating func scale(by s: Double) {
    for i in elements.indices { elements[i] *= s }
  }

  /// A ← A + s·u·vᵀ, in place (a rank-one update).
  mutating func addOuterProduct(_ u: Vector, _ v: Vector, scaledBy s: Double) {
    precondition(u.dimension == dimension && v.dimension == dimension, "dimension mismatch")
    for i in 0..<dimension {
      let factor = s * u[i]
      if factor == 0 { continue }
      let base = i * dimension
      for j in 0..<dimension { elements[base + j] += factor * v[j] }
    }
  }

  /// Scales row and column i by sᵢ: A ← S·A·S with S = diag(s). A
  /// symmetric positive definite matrix stays so when every sᵢ > 0.
  mutating func scaleSymmetrically(by s: [Double]) {
    precondition(s.count == dimension, "dimension mismatch")
    for i in 0..<dimension {
      for j in 0..<dimension { elements[i * dimension + j] *= s[i] * s[j] }
    }
  }

  /// Scales row i by sᵢ: A ← diag(s)·A.
  mutating func scaleRows(by s: [Double]) {
    precondition(s.count == dimension, "dimension mismatch")
    for i in 0..<dimension where s[i] != 1 {
      for j in 0..<dimension { elements[i * dimension + j] *= s[i] }
    }
  }

  /// (A + Aᵀ)/2: removes the asymmetry that rounding leaves in a matrix
  /// that should be symmetric.
  mutating func symmetrize() {
    for i in 0..<dimension {
      for j in (i + 1)..<dimension {
        let mean = (self[i, j] + self[j, i]) / 2
        self[i, j] = mean
        self[j, i] = mean
      }
    }
  }

  /// True when every element is finite.
  var isFinite: Bool { elements.allSatisfy(\.isFinite) }
}
