#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import OptimizerCore

/// exp of a symmetric matrix through its eigendecomposition, as xNES
/// updates its shape B ← B·exp(η_B/2·G_B).
@Suite struct MatrixExponentialTests {
  /// Σₖ Sᵏ/k! to 60 terms: exact to rounding for ‖S‖ of a few units.
  static func series(_ matrix: SquareMatrix) -> SquareMatrix {
    var term = SquareMatrix.identity(matrix.dimension)
    var sum = term
    for k in 1...60 {
      term = term * matrix
      term.scale(by: 1 / Double(k))
      sum = sum + term
    }
    return sum
  }

  /// V·diag(e^λ)·Vᵀ matches the power series for random symmetric
  /// matrices of sizes 1 to 6 and norms up to a few units.
  @Test(arguments: Array(1...6))
  func matchesThePowerSeries(dimension n: Int) {
    var rng = SeededGenerator(seed: 100 + UInt64(n))
    for scale in [0.1, 0.5, 1.0] {
      let matrix = SymmetricEigendecompositionTests.randomSymmetric(n, rng: &rng, scale: scale)
      let exponential = SymmetricEigendecomposition(matrix).applying { exp($0) }
      let expected = Self.series(matrix)
      let size = expected.elements.map(abs).max()!
      #expect(SymmetricEigendecompositionTests.largestDifference(exponential, expected) < 1e-12 * size)
    }
  }

  /// exp(S)·exp(−S) = I, and det exp(S) = e^(tr S): for xNES's traceless
  /// G_B, exp keeps det B = 1.
  @Test func inverseAndDeterminantFollowTheTrace() {
    var rng = SeededGenerator(seed: 9)
    var matrix = SymmetricEigendecompositionTests.randomSymmetric(4, rng: &rng)
    let forward = SymmetricEigendecomposition(matrix).applying { exp($0) }
    var negated = matrix
    negated.scale(by: -1)
    let backward = SymmetricEigendecomposition(negated).applying { exp($0) }
    #expect(SymmetricEigendecompositionTests.largestDifference(forward * backward, .identity(4)) < 1e-11)

    let trace = matrix.trace
    for i in 0..<4 { matrix[i, i] -= trace / 4 }
    let determinant = SymmetricEigendecomposition(SymmetricEigendecomposition(matrix).applying { exp($0) })
      .values.reduce(1, *)
    #expect(abs(determinant - 1) < 1e-12)
  }
}
