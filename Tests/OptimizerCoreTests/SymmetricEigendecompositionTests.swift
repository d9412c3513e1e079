#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import OptimizerCore

/// The Jacobi eigen solver gives S = V·diag(λ)·Vᵀ with V orthogonal, for
/// any n.
@Suite struct SymmetricEigendecompositionTests {
  /// A random symmetric n×n matrix with entries N(0, 1) (times `scale`).
  static func randomSymmetric(_ n: Int, rng: inout SeededGenerator, scale: Double = 1) -> SquareMatrix {
    var matrix = SquareMatrix.zeros(n)
    for i in 0..<n {
      for j in i..<n {
        let value = scale * rng.normal()
        matrix[i, j] = value
        matrix[j, i] = value
      }
    }
    return matrix
  }

  static func largestDifference(_ a: SquareMatrix, _ b: SquareMatrix) -> Double {
    zip(a.elements, b.elements).map { abs($0 - $1) }.max() ?? 0
  }

  /// V·diag(λ)·Vᵀ gives back random symmetric matrices of sizes 1 to 12,
  /// and VᵀV = I.
  @Test(arguments: Array(1...12))
  func reconstructsRandomSymmetricMatrices(dimension n: Int) {
    var rng = SeededGenerator(seed: UInt64(n))
    for _ in 0..<5 {
      let matrix = Self.randomSymmetric(n, rng: &rng)
      let eigen = SymmetricEigendecomposition(matrix)
      let rebuilt = eigen.applying { $0 }
      #expect(Self.largestDifference(rebuilt, matrix) < 1e-12 * Double(n))
      let gram = eigen.vectors.transposed * eigen.vectors
      #expect(Self.largestDifference(gram, .identity(n)) < 1e-13 * Double(n))
      for j in 0..<n {
        // S·vⱼ = λⱼ·vⱼ.
        let v = eigen.vectors.column(j)
        let residual = matrix.times(v) - eigen.values[j] * v
        #expect(residual.norm < 1e-12 * Double(n))
      }
    }
  }

  /// [[2, 1], [1, 2]] has eigenvalues 1 and 3, along (1, −1)/√2 and
  /// (1, 1)/√2.
  @Test func findsTheEigenpairsOfAKnownMatrix() {
    let eigen = SymmetricEigendecomposition(SquareMatrix(rows: [[2, 1], [1, 2]]))
    let order = eigen.values.indices.sorted { eigen.values[$0] < eigen.values[$1] }
    #expect(abs(eigen.values[order[0]] - 1) < 1e-15)
    #expect(abs(eigen.values[order[1]] - 3) < 1e-15)
    let large = eigen.vectors.column(order[1])
    #expect(abs(abs(large[0]) - 0.5.squareRoot()) < 1e-15 && large[0] * large[1] > 0)
  }

  /// An ill-conditioned matrix (condition number 10¹², rotated) keeps its
  /// small eigenvalue to a few digits of relative accuracy: what CMA-ES
  /// needs when C stretches.
  @Test func keepsSmallEigenvaluesOfIllConditionedMatrices() {
    let angle = 0.3
    let (c, s) = (cos(angle), sin(angle))
    let rotation = SquareMatrix(rows: [[c, -s], [s, c]])
    let matrix = rotation * .diagonal([1, 1e-12]) * rotation.transposed
    let values = SymmetricEigendecomposition(matrix).values.sorted()
    #expect(abs(values[0] / 1e-12 - 1) < 1e-2)
    #expect(abs(values[1] - 1) < 1e-14)
  }
}
