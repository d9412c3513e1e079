import OptimizerCore

/// The six-hump camel: f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y².
///
/// Six basins, two of them global: f* ≈ −1.031628 at ≈(0.0898, −0.7126) and
/// ≈(−0.0898, 0.7126). Shown on [-3, 3] × [-2, 2].
struct SixHumpCamel: PlanarLandscape {
  static let name = "six-hump-camel"
  static let title = "Six-hump camel"

  var formula: String { "(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²" }
  var domain: Domain { Domain(axes: [Axis(-3, 3), Axis(-2, 2)]) }

  var knownMinimum: KnownMinimum? {
    KnownMinimum(
      value: -1.0316284534898774,
      minimizers: [[0.08984201310031806, -0.7126564030207396], [-0.08984201310031806, 0.7126564030207396]])
  }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let x2 = x * x, y2 = y * y
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let x2 = x * x
    return [8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y]
  }
}
