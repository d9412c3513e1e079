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
  /// ε of the log scale: how far below the range its floor lies (see
  /// `logEpsilon(heights:range:)`).
  public let epsilon: Double
  /// The finite samples in increasing order (the rank scale's quantiles).
  let sorted: [Double]
  /// log ε and log(f_max − f_min + ε), the log scale's ends, worked out
  /// once rather than for every level.
  private let logLow: Double
  private let logHigh: Double

  /// Fits `scale` to `samples`, ignoring NaN and infinities.
  public init(_ scale: ColourScale, samples: [Double]) {
    self.scale = scale
    let finite = samples.filter(\.isFinite)
    let sorted = scale == .rank ? finite.sorted() : []
    self.sorted = sorted
    minimum = finite.min() ?? .nan
    maximum = finite.max() ?? .nan
    let range = maximum - minimum
    if range > 0 {
      epsilon = scale == .log ? Self.logEpsilon(heights: finite.lazy.map { [minimum] in $0 - minimum }, range: range) : range * 1e-6
    } else {
      epsilon = 1
    }
    logLow = log(epsilon)
    logHigh = log(maximum - minimum + epsilon)
  }

  /// The log scale's floors tried, in decades below the range R:
  /// ε = R·10⁻ᵏ for k = 0 … 6.
  static let floorDecades = 0...6
  /// The histogram that judges a floor: this many bins of the colour map,
  /// none of which should hold more than `largestShare` of the samples.
  static let histogramBins = 16
  static let largestShare = 0.25
  /// The most samples the floor is judged on (evenly strided).
  static let judgedSamples = 4096

  /// ε for the log scale, from the sampled heights h = f − f_min: the
  /// deepest of the floors R·10⁻ᵏ under which no sixteenth of the colour
  /// map holds more than a quarter of the samples, or when every floor
  /// crowds them more, the one that crowds them least. Six decades show
  /// Rosenbrock's valley; a landscape whose values crowd within a factor
  /// of a few above its minimum (Rastrigin's egg box) would be a few
  /// colours under them and gets a shallower floor.
  static func logEpsilon(heights: some Collection<Double>, range: Double) -> Double {
    let stride = max(heights.count / judgedSamples, 1)
    var judged: [Double] = []
    judged.reserveCapacity(min(heights.count, judgedSamples + 1))
    var index = heights.startIndex, offset = 0
    while index != heights.endIndex {
      if offset % stride == 0 { judged.append(heights[index]) }
      index = heights.index(after: index)
      offset += 1
    }
    var best = (epsilon: range * 1e-6, share: Int.max)
    let enough = Int(largestShare * Double(judged.count))
    for k in floorDecades.reversed() {
      let epsilon = range * pow(10, -Double(k))
      let low = log(epsilon), span = log(range + epsilon) - low
      var bins = [Int](repeating: 0, count: histogramBins)
      for h in judged {
        let t = (log(h + epsilon) - low) / span
        bins[min(max(Int(t * Double(histogramBins)), 0), histogramBins - 1)] += 1
      }
      let largest = bins.max()!
      if largest <= enough { return epsilon }
      if largest < best.share { best = (epsilon, largest) }
    }
    return best.epsilon
  }

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
