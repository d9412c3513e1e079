import OptimizerCore

/// The three-hump camel: f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y².
///
/// Three basins along a ridge; f* = 0 at the origin. Shown on [-5, 5]².
struct ThreeHumpCamel: PlanarLandscape {
  static let name = "three-hump-camel"
  static let title = "Three-hump camel"

  var formula: String { "2x² − 1.05x⁴ + x⁶/6 + xy + y²" }
  var domain: Domain { .cube(-5, 5, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[0, 0]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let x2 = x * x
    return 2 * x2 - 1.05 * x2 * x2 + x2 * x2 * x2 / 6 + x * y + y * y
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let x2 = x * x
    return [4 * x - 4.2 * x2 * x + x2 * x2 * x + y, x + 2 * y]
  }
}
