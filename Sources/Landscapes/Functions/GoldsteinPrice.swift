import OptimizerCore

/// The Goldstein–Price function: f(x, y) = A(x, y) · B(x, y) with
/// A = 1 + (x + y + 1)² (19 − 14x + 3x² − 14y + 6xy + 3y²) and
/// B = 30 + (2x − 3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²).
///
/// Spans six orders of magnitude; f* = 3 at (0, −1). Shown on [-2, 2]².
struct GoldsteinPrice: PlanarLandscape {
  static let name = "goldstein-price"
  static let title = "Goldstein-Price"

  var formula: String {
    "[1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)] · [30 + (2x−3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]"
  }

  var domain: Domain { .cube(-2, 2, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 3, minimizers: [[0, -1]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let s = x + y + 1
    let p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
    let d = 2 * x - 3 * y
    let q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
    return (1 + s * s * p) * (30 + d * d * q)
  }

  var hasAnalyticGradient: Bool { true }

  /// ∇f = B ∇A + A ∇B, where with s = x + y + 1, d = 2x − 3y and P, Q the
  /// two quadratics: ∂A/∂x = ∂A/∂y = 2sP + s²(6x + 6y − 14),
  /// ∂B/∂x = 4dQ + d²(24x − 36y − 32), ∂B/∂y = −6dQ + d²(54y − 36x + 48).
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let s = x + y + 1
    let p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
    let d = 2 * x - 3 * y
    let q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
    let a = 1 + s * s * p
    let b = 30 + d * d * q
    let dA = 2 * s * p + s * s * (6 * x + 6 * y - 14)
    let dBx = 4 * d * q + d * d * (24 * x - 36 * y - 32)
    let dBy = -6 * d * q + d * d * (54 * y - 36 * x + 48)
    return [b * dA + a * dBx, b * dA + a * dBy]
  }
}
