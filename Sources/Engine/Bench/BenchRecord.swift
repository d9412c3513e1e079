import RealModule
import Landscapes
import OptimizerCore

/// The outcome of one bench run: enough to aggregate, to plot, and to merge
/// shards (it round-trips through one CSV row).
public struct BenchRecord: Sendable, Hashable {
  public var index: Int
  public var optimizer: String
  public var landscape: String
  public var seed: UInt64
  /// The evaluation budget the run had (its curve's checkpoints follow it).
  public var budget: Int
  /// The evaluations it used (a step may overshoot the budget a little).
  public var evaluations: Int
  public var bestLoss: Double
  /// f*, or nil for a landscape without a known minimum.
  public var minimum: Double?
  /// The evaluations used when the gap first fell within the tolerance, or
  /// nil when it never did.
  public var evaluationsToSuccess: Int?
  public var seconds: Double
  /// The best gap after each checkpoint's evaluations (`BenchRecord.checkpoints`).
  public var curve: [Double]
  /// The run's swept values (empty for an optimizer no sweep reaches); nil
  /// when its plan sweeps nothing.
  public var sweep: [SweptValue]?

  public var gap: Double? { minimum.map { bestLoss - $0 } }
  public var succeeded: Bool { evaluationsToSuccess != nil }

  /// Success means best − f* ≤ 1e-4·max(1, |f*|).
  public static func tolerance(for minimum: Double) -> Double { 1e-4 * max(1, abs(minimum)) }

  /// Evaluation counts at which curves are sampled: 40 points, spaced
  /// logarithmically from 10 to the budget, so early progress shows.
  public static func checkpoints(budget: Int) -> [Int] {
    let count = 40
    let low = 10.0, high = Double(max(budget, 11))
    var points = (0..<count).map { i in
      Int((low * Double.pow(high / low, Double(i) / Double(count - 1))).rounded())
    }
    points[count - 1] = budget
    var unique: [Int] = []
    for point in points where unique.last != point { unique.append(point) }
    return unique
  }
}
