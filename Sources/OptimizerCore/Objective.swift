/// A function f: Rⁿ → R to minimise: what an `Evaluator` evaluates.
///
/// Landscapes conform to it; so do the small functions that tests build.
public protocol Objective: Sendable {
  /// n, the number of coordinates the function takes.
  var dimension: Int { get }

  /// f(x). Must not allocate: it sits in every optimizer's innermost loop.
  func value(at x: Vector) -> Double

  /// f at every point, in order: one request for a function that runs
  /// elsewhere (docs/PROTOCOL.md, "A function"); `value(at:)` per point by
  /// default.
  func values(at points: [Vector]) -> [Double]

  /// True when each evaluation is a request to another process: callers
  /// that sample many points (the heat map) batch them and keep them off
  /// the screen's path.
  var isRemote: Bool { get }

  /// True when `gradient(at:)` is exact rather than a finite difference.
  var hasAnalyticGradient: Bool { get }

  /// ∇f(x): exact where the function provides it, central differences
  /// otherwise (the default).
  func gradient(at x: Vector) -> Vector
}

extension Objective {
  public var hasAnalyticGradient: Bool { false }

  public func values(at points: [Vector]) -> [Double] { points.map(value(at:)) }

  public var isRemote: Bool { false }

  public func gradient(at x: Vector) -> Vector { centralDifferenceGradient(at: x) }

  /// ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h, with h scaled to |xᵢ|
  /// (h = ∛ε · max(1, |xᵢ|), which balances truncation and round-off error).
  public func centralDifferenceGradient(at x: Vector) -> Vector {
    var g = Vector.zeros(x.dimension)
    var probe = x
    for i in 0..<x.dimension {
      let h = 6.055454452393343e-06 * max(1, abs(x[i]))
      probe[i] = x[i] + h
      let forward = value(at: probe)
      probe[i] = x[i] - h
      let backward = value(at: probe)
      probe[i] = x[i]
      g[i] = (forward - backward) / (2 * h)
    }
    return g
  }
}

/// An objective made of closures, for tests and small scripts.
public struct FunctionObjective: Objective {
  public let dimension: Int
  private let function: @Sendable (Vector) -> Double
  private let analyticGradient: (@Sendable (Vector) -> Vector)?

  public init(
    dimension: Int,
    value: @escaping @Sendable (Vector) -> Double,
    gradient: (@Sendable (Vector) -> Vector)? = nil
  ) {
    self.dimension = dimension
    self.function = value
    self.analyticGradient = gradient
  }

  public func value(at x: Vector) -> Double { function(x) }
  public var hasAnalyticGradient: Bool { analyticGradient != nil }
  public func gradient(at x: Vector) -> Vector {
    analyticGradient?(x) ?? centralDifferenceGradient(at: x)
  }
}
