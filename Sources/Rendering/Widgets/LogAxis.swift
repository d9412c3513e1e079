#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A logarithmic axis for losses, which may be zero or negative: values are
/// placed at log₁₀(v − floor + ε), where `floor` is the least value that can
/// occur (f* when it is known) and ε = 10⁻⁶·(spread) keeps log finite, so a
/// loss that reaches f* sits at the bottom instead of −∞.
struct LogAxis: Sendable, Hashable {
  let floor: Double
  let epsilon: Double
  let low: Double
  let high: Double

  /// An axis covering `values` (non-finite ones ignored), with `floor`
  /// defaulting to their least.
  init?(values: some Sequence<Double>, floor knownFloor: Double? = nil) {
    var least = Double.infinity, greatest = -Double.infinity
    for v in values where v.isFinite {
      least = min(least, v)
      greatest = max(greatest, v)
    }
    guard least.isFinite else { return nil }
    let floor = min(knownFloor ?? least, least)
    let spread = greatest - floor
    epsilon = spread > 0 ? spread * 1e-6 : max(abs(floor) * 1e-6, 1e-12)
    self.floor = floor
    low = log10(least - floor + epsilon)
    high = log10(greatest - floor + epsilon)
  }

  /// The position of v in [0, 1] (0 at the least value); NaN for non-finite v.
  func position(_ v: Double) -> Double {
    guard v.isFinite else { return .nan }
    guard high > low else { return 0.5 }
    return (log10(max(v - floor, 0) + epsilon) - low) / (high - low)
  }

  /// The value at a position: the inverse of `position`.
  func value(at position: Double) -> Double {
    floor - epsilon + pow(10, low + position * (high - low))
  }
}
