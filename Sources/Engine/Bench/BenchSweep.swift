import OptimizerCore
import RealModule

/// One `--sweep [name:]key=low..high[:n][:log]`: `count` values of a
/// hyperparameter from `low` to `high`, evenly spaced, or evenly spaced in
/// log when `logarithmic`, for every optimizer that has `key` or, with
/// `optimizer`, for that one only. Several sweeps make a grid.
public struct BenchSweep: Sendable, Hashable {
  /// Nil for every optimizer benchmarked that has the key.
  public var optimizer: String?
  public var key: String
  public var low: Double
  public var high: Double
  public var count: Int
  public var logarithmic: Bool

  /// The values a sweep takes when it does not say: 9.
  public static let defaultCount = 9
  /// The most values one sweep takes.
  public static let maximumCount = 1000
  /// The most points a grid of sweeps has for one optimizer.
  public static let maximumGridPoints = 10_000

  public init(optimizer: String? = nil, key: String, low: Double, high: Double, count: Int = defaultCount, logarithmic: Bool = false) {
    self.optimizer = optimizer
    self.key = key
    self.low = low
    self.high = high
    self.count = count
    self.logarithmic = logarithmic
  }

  /// The sweep as it is typed: `pso:omega=0.1..0.9:5:log`, without the
  /// count when it is the default.
  public var text: String {
    (optimizer.map { $0 + ":" } ?? "") + "\(key)=\(exactNumber(low))..\(exactNumber(high))"
      + (count == Self.defaultCount ? "" : ":\(count)") + (logarithmic ? ":log" : "")
  }

  /// What is wrong with the sweep whatever it applies to, or nil.
  public var problem: String? {
    if !low.isFinite || !high.isFinite { return "LOW and HIGH must be finite numbers" }
    if low >= high { return "LOW (\(exactNumber(low))) must be below HIGH (\(exactNumber(high)))" }
    if count < 2 { return "N must be at least 2, got \(count)" }
    if count > Self.maximumCount { return "N must be at most \(Self.maximumCount), got \(count)" }
    if logarithmic && low <= 0 { return "a log sweep needs LOW > 0, got \(exactNumber(low))" }
    return nil
  }

  /// The values for a hyperparameter of `kind`: low + (high − low)·i/(n − 1)
  /// for i = 0 … n − 1, or low·(high/low)^(i/(n − 1)) when logarithmic, each
  /// rounded to 12 significant digits (so that 0.1..0.9 gives 0.3, not
  /// 0.30000000000000004); an integer hyperparameter's values are rounded to
  /// whole numbers and the repeats dropped.
  public func values(for kind: HyperparameterSpec.Kind) -> [Double] {
    var values: [Double] = []
    for i in 0..<count {
      let t = Double(i) / Double(count - 1)
      var value: Double
      if i == 0 {
        value = low
      } else if i == count - 1 {
        value = high
      } else if logarithmic {
        value = low * Double.pow(high / low, t)
      } else {
        value = low + (high - low) * t
      }
      value = Double(formatNumber(value, significantDigits: 12))!
      if kind == .integer { value = value.rounded() }
      if !values.contains(value) { values.append(value) }
    }
    return values
  }
}

/// A swept hyperparameter's value in one run of a sweep: what the report
/// groups by and the plot puts on its x axis (logarithmic when the sweep is).
public struct SweptValue: Sendable, Hashable {
  public var key: String
  public var value: Double
  public var logarithmic: Bool

  public init(key: String, value: Double, logarithmic: Bool) {
    self.key = key
    self.value = value
    self.logarithmic = logarithmic
  }

  /// How a CSV cell or a table writes it: `inertia=0.5`, `lr=0.001:log`.
  public var text: String { "\(key)=\(exactNumber(value))" + (logarithmic ? ":log" : "") }

  /// Reads `text` back; nil when it is not of that form.
  public init?(text: String) {
    var body = Substring(text)
    let logarithmic = body.hasSuffix(":log")
    if logarithmic { body = body.dropLast(4) }
    guard let equals = body.firstIndex(of: "="), equals != body.startIndex,
      let value = Double(body[body.index(after: equals)...])
    else { return nil }
    self.init(key: String(body[..<equals]), value: value, logarithmic: logarithmic)
  }
}
