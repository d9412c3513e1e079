import OptimizerCore
import RealModule

/// Lévi's function N.13: f(x, y) = sin²(3πx) + (x − 1)²(1 + sin²(3πy)) + (y − 1)²(1 + sin²(2πy)).
///
/// Ripples in two frequencies over a bowl; f* = 0 at (1, 1). Shown on
/// [-10, 10]².
struct Levi13: PlanarLandscape {
  static let name = "levi13"
  static let title = "Levi N.13"

  var formula: String { "sin²(3πx) + (x−1)²(1 + sin²(3πy)) + (y−1)²(1 + sin²(2πy))" }
  var domain: Domain { .cube(-10, 10, dimension: 2) }
  var knownMinimum: KnownMinimum? { KnownMinimum(value: 0, minimizers: [[1, 1]]) }

  func value(at point: Vector) -> Double {
    let x = point.components[0], y = point.components[1]
    let a = Double.sin(3 * .pi * x)
    let b = Double.sin(3 * .pi * y)
    let c = Double.sin(2 * .pi * y)
    let dx = x - 1, dy = y - 1
    return a * a + dx * dx * (1 + b * b) + dy * dy * (1 + c * c)
  }

  var hasAnalyticGradient: Bool { true }

  /// ∂f/∂x = 3π sin 6πx + 2(x − 1)(1 + sin² 3πy);
  /// ∂f/∂y = 3π (x − 1)² sin 6πy + 2(y − 1)(1 + sin² 2πy) + 2π (y − 1)² sin 4πy.
  func gradient(at point: Vector) -> Vector {
    let x = point[0], y = point[1]
    let b = Double.sin(3 * .pi * y)
    let c = Double.sin(2 * .pi * y)
    let dx = x - 1, dy = y - 1
    return [
      3 * .pi * Double.sin(6 * .pi * x) + 2 * dx * (1 + b * b),
      3 * .pi * dx * dx * Double.sin(6 * .pi * y) + 2 * dy * (1 + c * c)
        + 2 * .pi * dy * dy * Double.sin(4 * .pi * y),
    ]
  }
}
