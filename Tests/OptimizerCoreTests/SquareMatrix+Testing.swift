@testable import OptimizerCore

/// Conveniences the matrix tests need and the optimizers do not.
extension SquareMatrix {
  /// The matrix whose rows are `rows`.
  init(rows: [[Double]]) {
    self.init(dimension: rows.count, elements: rows.flatMap { $0 })
  }

  /// The j-th column.
  func column(_ j: Int) -> Vector {
    Vector((0..<dimension).map { self[$0, j] })
  }

  /// A + B.
  static func + (a: SquareMatrix, b: SquareMatrix) -> SquareMatrix {
    var result = a
    for i in 0..<a.dimension {
      for j in 0..<a.dimension { result[i, j] += b[i, j] }
    }
    return result
  }
}
