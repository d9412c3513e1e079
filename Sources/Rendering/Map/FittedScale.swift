#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ViewModel

/// A colour scale fitted to a set of samples: maps values to t ∈ [0, 1]
/// and back (the colour bar's labels).
public struct FittedScale: Sendable, Hashable {
  public let scale: ColourScale
  /// The least and greatest finite sample (both NaN when there is none).
  public let minimum: Double
  public let maximum: Double
  /// ε of the log scale.
  public let epsilon: Double
  /// The finite samples in increasing order (the rank scale's quantiles).
  let sorted: [Double]

  /// Fits `scale` to `samples`, ignoring NaN and infinities.
  public init(_ scale: ColourScale, samples: [Double]) {
    self.scale = scale
    let finite = samples.filter(\.isFinite)
    let sorted = scale == .rank ? finite.sorted() : []
    self.sorted = sorted
    minimum = finite.min() ?? .nan
    maximum = finite.max() ?? .nan
    let range = maximum - minimum
    epsilon = range > 0 ? range * 1e-6 : 1
  }

  private var logLow: Double { log(epsilon) }
  private var logHigh: Double { log(maximum - minimum + epsilon) }

  /// t ∈ [0, 1] for a value; NaN for NaN and infinities and when no sample
  /// was finite. A flat landscape gives ½ everywhere.
  public func level(of value: Double) -> Double {
    guard value.isFinite, minimum.isFinite else { return .nan }
    guard maximum > minimum else { return 0.5 }
    let clamped = min(max(value, minimum), maximum)
    switch scale {
    case .linear:
      return (clamped - minimum) / (maximum - minimum)
    case .log:
      return (log(clamped - minimum + epsilon) - logLow) / (logHigh - logLow)
    case .rank:
      // Mean rank of equal values: (first index + last index) / 2.
      let first = lowerBound(clamped), last = upperBound(clamped) - 1
      let rank = Double(first + max(last, first)) / 2
      return sorted.count > 1 ? rank / Double(sorted.count - 1) : 0.5
    }
  }

  /// The value whose level is t: the inverse of `level(of:)` (for the rank
  /// scale, the t-quantile of the samples).
  public func value(atLevel t: Double) -> Double {
    guard minimum.isFinite else { return .nan }
    // The ends are exact, free of the log's rounding.
    if t <= 0 { return minimum }
    if t >= 1 { return maximum }
    switch scale {
    case .linear:
      return minimum + t * (maximum - minimum)
    case .log:
      return minimum - epsilon + exp(logLow + t * (logHigh - logLow))
    case .rank:
      guard !sorted.isEmpty else { return minimum }
      return sorted[Int((t * Double(sorted.count - 1)).rounded())]
    }
  }

  private func lowerBound(_ value: Double) -> Int {
    var low = 0, high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private func upperBound(_ value: Double) -> Int {
    var low = 0, high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
