/// S = V·diag(λ)·Vᵀ for a symmetric n×n matrix S, by the cyclic Jacobi
/// method: V is orthogonal, its columns the eigenvectors.
///
/// Each rotation Pᵀ·S·P zeroes one off-diagonal pair (p, q), with
/// t = tan φ = sgn(θ) / (|θ| + √(θ² + 1)) for θ = (S_qq − S_pp) / (2·S_pq),
/// c = 1/√(t² + 1), s = t·c (Rutishauser's stable form); a sweep visits
/// every pair once. Sweeps repeat until no pair has
/// |S_pq| > ε·√|S_pp·S_qq| (ε the double's unit roundoff), which also gives
/// the small eigenvalues of an ill-conditioned matrix to high relative
/// accuracy — what CMA-ES needs when C's condition number reaches 10¹⁴.
/// Quadratic convergence makes 6–10 sweeps typical; 64 is the cap. The
/// eigenvalues come in no particular order.
struct SymmetricEigendecomposition: Sendable, Hashable {
  /// λ₁ … λₙ.
  let values: [Double]
  /// V: column j is the unit eigenvector of λⱼ.
  let vectors: SquareMatrix

  /// Sweeps after which the iteration stops even if some pair is still
  /// above the threshold (never reached in practice).
  static let maximumSweeps = 64

  /// The decomposition of S's symmetric part (S + Sᵀ)/2.
  init(_ matrix: SquareMatrix) {
    var a = matrix
    a.symmetrize()
    let n = a.dimension
    var v = SquareMatrix.identity(n)
    let epsilon = Double.ulpOfOne / 2
    for _ in 0..<Self.maximumSweeps {
      var rotated = false
      for p in 0..<n {
        for q in (p + 1)..<n {
          let apq = a[p, q]
          guard apq != 0, abs(apq) > epsilon * (abs(a[p, p] * a[q, q])).squareRoot() else { continue }
          rotated = true
          let theta = (a[q, q] - a[p, p]) / (2 * apq)
          // For huge θ, t ≈ 1/(2θ); the general formula would overflow θ².
          let t =
            abs(theta) > 1e150
            ? 1 / (2 * theta)
            : (theta < 0 ? -1 : 1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k, p], akq = a[k, q]
            a[k, p] = c * akp - s * akq
            a[k, q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p, k], aqk = a[q, k]
            a[p, k] = c * apk - s * aqk
            a[q, k] = s * apk + c * aqk
          }
          a[p, q] = 0
          a[q, p] = 0
          for k in 0..<n {
            let vkp = v[k, p], vkq = v[k, q]
            v[k, p] = c * vkp - s * vkq
            v[k, q] = s * vkp + c * vkq
          }
        }
      }
      if !rotated { break }
    }
    values = a.diagonal
    vectors = v
  }

  /// V·diag(g(λ))·Vᵀ: the matrix function g(S) — exp(S), S^(−½), … — for a
  /// function g defined on S's eigenvalues.
  func applying(_ g: (Double) -> Double) -> SquareMatrix {
    let n = values.count
    let mapped = values.map(g)
    var result = SquareMatrix.zeros(n)
    for i in 0..<n {
      for j in i..<n {
        var sum = 0.0
        for k in 0..<n { sum += vectors[i, k] * mapped[k] * vectors[j, k] }
        result[i, j] = sum
        result[j, i] = sum
      }
    }
    return result
  }
}
