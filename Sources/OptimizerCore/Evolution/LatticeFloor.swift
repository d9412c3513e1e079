/// The smallest standard deviation a search distribution keeps on integer
/// and boolean axes, so that sampling never freezes on one lattice value.
///
/// A distribution method (CMA-ES, xNES, sNES) samples continuously and the
/// evaluator rounds its samples onto the lattice (`Evaluator.evaluate`).
/// Once the deviation along a lattice axis falls well below the spacing of
/// 1, every sample rounds to the same value and that axis stops being
/// searched. Like the `cma` package's `minstd` for integer variables (and
/// in the spirit of CMA-ES with margin, Hamano et al. 2022), the deviation
/// there is lifted back to s_min = 0.2 whenever it falls below: a sample
/// then leaves its lattice value with probability about 2·Φ(−0.5/0.2) ≈ 1 %
/// when the mean sits on it, more when the mean lies between two values.
struct LatticeFloor: Sendable, Hashable {
  /// s_min, in lattice spacings.
  static let minimumDeviation = 0.2

  /// The integer and boolean axes.
  let axes: [Int]

  init(domain: Domain) {
    axes = domain.axes.indices.filter { domain.axes[$0].kind != .continuous }
  }

  /// Per axis, the factor ≥ 1 that lifts the standard deviation sᵢ to
  /// s_min on a lattice axis where sᵢ < s_min (1 everywhere else), or nil
  /// when no axis needs lifting.
  func liftFactors(deviations: [Double]) -> [Double]? {
    var factors: [Double]?
    for axis in axes where deviations[axis] < Self.minimumDeviation {
      if factors == nil { factors = Array(repeating: 1, count: deviations.count) }
      factors![axis] = deviations[axis] > 0 ? Self.minimumDeviation / deviations[axis] : 1
    }
    return factors
  }
}
