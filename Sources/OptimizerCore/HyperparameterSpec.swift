import RealModule

/// What one hyperparameter is: its name, symbol, default, valid range, scale
/// and a one-line help text.
///
/// Distance-like parameters (step sizes, radii, probe distances) are declared
/// as fractions of the domain's smallest side w (`unit: .domainWidth`); they
/// are resolved to absolute values by `resolved(width:dimension:)` when an
/// optimizer is built for a domain. Population sizes (`unit: .points`) are
/// capped there so that the points they count hold at most
/// `Limits.populationCoordinates` coordinates.
public struct HyperparameterSpec: Sendable, Hashable {
  /// How ← and → move the value, and how a slider spreads it.
  public enum Scale: String, Sendable, Hashable { case linear, log }

  /// What values are legal inside the range.
  public enum Kind: Sendable, Hashable {
    case real
    case integer
    case boolean
    /// One of the labels; the value is the label's index.
    case choice([String])
  }

  /// What the default and range are measured in.
  public enum Unit: Sendable, Hashable {
    case absolute
    /// A multiple of w, the domain's smallest side.
    case domainWidth
    /// A count of points of n coordinates each (a swarm's particles, a
    /// population): with n it bounds memory, so its range ends at
    /// `Limits.populationCoordinates / n`.
    case points
    /// One coordinate per axis, declared as the fraction along the axis
    /// (0 its lower end, 1 its upper): resolved on a domain into one spec
    /// per axis, `name.1` … `name.n` (`resolved(on:)`).
    case axisPosition
    /// One length per axis, declared as a multiple of the axis's width,
    /// resolved into one spec per axis like `axisPosition`.
    case axisWidth
  }

  public var name: String
  public var symbol: String
  public var defaultValue: Double
  public var range: ClosedRange<Double>
  public var scale: Scale
  public var kind: Kind
  public var unit: Unit
  /// True once `resolved` lowered a population's range for the dimension.
  public private(set) var isCappedByDimension = false
  /// For one axis's spec of a per-axis setting, the setting's name (`mean`
  /// for `mean.2`); nil otherwise.
  public private(set) var axisGroup: String?
  /// True for a setting that acts on boolean axes alone (a descent's
  /// `flipScale`): a domain without one leaves it out, so that panels and
  /// scenes do not carry a knob that does nothing.
  public var isForBooleanAxes = false
  public var help: String

  public init(
    _ name: String, symbol: String, default defaultValue: Double, range: ClosedRange<Double>,
    scale: Scale = .linear, kind: Kind = .real, unit: Unit = .absolute, help: String
  ) {
    precondition(range.contains(defaultValue), "default of \(name) lies outside its range")
    precondition(scale == .linear || range.lowerBound > 0, "a log-scale range must be positive")
    self.name = name
    self.symbol = symbol
    self.defaultValue = defaultValue
    self.range = range
    self.scale = scale
    self.kind = kind
    self.unit = unit
    self.help = help
  }

  /// A yes/no option.
  public static func flag(_ name: String, symbol: String? = nil, default on: Bool, help: String)
    -> HyperparameterSpec
  {
    HyperparameterSpec(name, symbol: symbol ?? name, default: on ? 1 : 0, range: 0...1, kind: .boolean, help: help)
  }

  /// One of several labelled options.
  public static func choice(
    _ name: String, symbol: String? = nil, options: [String], default defaultOption: String, help: String
  ) -> HyperparameterSpec {
    let index = options.firstIndex(of: defaultOption)!
    return HyperparameterSpec(
      name, symbol: symbol ?? name, default: Double(index), range: 0...Double(options.count - 1),
      kind: .choice(options), help: help)
  }

  /// A whole-number parameter.
  public static func integer(
    _ name: String, symbol: String, default defaultValue: Int, range: ClosedRange<Int>, help: String
  ) -> HyperparameterSpec {
    HyperparameterSpec(
      name, symbol: symbol, default: Double(defaultValue),
      range: Double(range.lowerBound)...Double(range.upperBound), kind: .integer, help: help)
  }

  /// True for a setting that takes one value per axis.
  public var isPerAxis: Bool { unit == .axisPosition || unit == .axisWidth }

  /// The specs this one stands for on `domain`, in absolute terms: itself
  /// resolved, or for a per-axis setting one spec per axis, `name.1` …
  /// `name.n`, each with its axis's default and range, and none on a
  /// domain of more than `Limits.perAxisSettings` axes.
  public func resolved(on domain: Domain) -> [HyperparameterSpec] {
    if isForBooleanAxes, !domain.axes.contains(where: { $0.kind == .boolean }) { return [] }
    guard isPerAxis else { return [resolved(width: domain.width, dimension: domain.dimension)] }
    guard domain.dimension <= Limits.perAxisSettings else { return [] }
    return domain.axes.enumerated().map { index, axis in
      let origin = unit == .axisPosition ? axis.lower : 0
      var copy = self
      copy.name = Self.axisName(name, index)
      copy.symbol = symbol + Self.subscriptDigits(index + 1)
      copy.defaultValue = origin + defaultValue * axis.width
      copy.range = origin + range.lowerBound * axis.width...origin + range.upperBound * axis.width
      copy.unit = .absolute
      copy.axisGroup = name
      return copy
    }
  }

  /// The name of axis `index`'s spec of the per-axis setting `group`:
  /// `mean.1` for the first axis (axes count from 1, as runs do).
  public static func axisName(_ group: String, _ index: Int) -> String { "\(group).\(index + 1)" }

  private static func subscriptDigits(_ number: Int) -> String {
    String(String(number).map { Character(Unicode.Scalar(0x2080 + UInt32(String($0))!)!) })
  }

  /// The spec with its default and range in absolute terms for a domain of
  /// smallest side `width` and `dimension` axes (a per-axis spec is
  /// resolved by `resolved(on:)`).
  func resolved(width: Double, dimension: Int) -> HyperparameterSpec {
    var copy = self
    switch unit {
    case .absolute, .axisPosition, .axisWidth:
      return self
    case .domainWidth:
      copy.defaultValue = defaultValue * width
      copy.range = range.lowerBound * width...range.upperBound * width
      copy.unit = .absolute
    case .points:
      let most = (Double(Limits.populationCoordinates) / Double(max(dimension, 1))).rounded(.down)
      copy.range = range.lowerBound...max(range.lowerBound, min(range.upperBound, most))
      copy.isCappedByDimension = most < range.upperBound
    }
    return copy
  }

  /// The same spec, counting points (`Unit.points`).
  public var countingPoints: HyperparameterSpec {
    var copy = self
    copy.unit = .points
    return copy
  }

  /// The labels of a choice parameter, else nil.
  public var options: [String]? {
    if case .choice(let options) = kind { return options }
    return nil
  }

  /// The problem with `value`, or nil when it is legal.
  public func problem(with value: Double) -> String? {
    if !value.isFinite { return "\(name) must be a finite number" }
    if !range.contains(value) {
      // A population's range ends where its points would pass the limit.
      let why = isCappedByDimension ? " (\(name) × dimension may be at most \(Limits.populationCoordinates))" : ""
      return "\(name) = \(formatNumber(value)) is out of range; valid range is \(describeRange())\(why)"
    }
    switch kind {
    case .real: return nil
    case .integer, .choice:
      return value == value.rounded() ? nil : "\(name) must be a whole number, got \(formatNumber(value))"
    case .boolean:
      return value == 0 || value == 1 ? nil : "\(name) must be 0 or 1 (off or on)"
    }
  }

  /// The range as users read it: `[1e-06, 1]`, `{best, mean}`, `on|off`.
  public func describeRange() -> String {
    switch kind {
    case .choice(let options): return "{" + options.joined(separator: ", ") + "}"
    case .boolean: return "on|off"
    case .integer: return "[\(Int(range.lowerBound)), \(Int(range.upperBound))]"
    case .real: return "[\(formatNumber(range.lowerBound)), \(formatNumber(range.upperBound))]"
    }
  }

  /// The value as users read it: a number, a choice's label, on/off.
  public func describe(_ value: Double) -> String {
    switch kind {
    case .choice(let options):
      let index = Int(value)
      return options.indices.contains(index) ? options[index] : formatNumber(value)
    case .boolean: return value != 0 ? "on" : "off"
    case .integer, .real: return formatNumber(value)
    }
  }

  /// Reads a value typed by a user: a number, a choice's label, or
  /// on/off/true/false/yes/no for a flag. Nil when the text means nothing.
  public func parse(_ text: String) -> Double? {
    let lowered = text.lowercased()
    switch kind {
    case .choice(let options):
      if let index = options.firstIndex(of: lowered) { return Double(index) }
    case .boolean:
      if ["on", "true", "yes"].contains(lowered) { return 1 }
      if ["off", "false", "no"].contains(lowered) { return 0 }
    case .integer, .real: break
    }
    return Double(text)
  }

  /// The value one notch away, as ← and → move it: the next round value
  /// (1, 2 or 5 × 10ᵏ) on a log scale, three of them (a decade) when coarse;
  /// 1/20 of the range (1/2 when coarse) on a linear one; the next whole
  /// number (ten when coarse) or option for discrete kinds; kept in range.
  public func stepped(_ value: Double, by direction: Int, coarse: Bool = false) -> Double {
    let next: Double
    switch kind {
    case .boolean: next = value == 0 ? 1 : 0
    case .choice(let options):
      let count = options.count
      next = Double(((Int(value) + direction) % count + count) % count)
    case .integer:
      next = value + Double(direction * (coarse ? 10 : 1))
    case .real:
      switch scale {
      case .log:
        next = Self.roundNotch(from: value, by: direction * (coarse ? 3 : 1))
      case .linear:
        let notch = (range.upperBound - range.lowerBound) / (coarse ? 2 : 20)
        next = value + Double(direction) * notch
      }
    }
    return min(max(next, range.lowerBound), range.upperBound)
  }

  /// The round values of a log scale's notches: 1, 2 and 5 in every decade.
  static let roundMantissas: [Double] = [1, 2, 5]

  /// The round value `notches` notches above v (below when negative),
  /// notch n being mantissa[n mod 3]·10^⌊n/3⌋; a value between two notches
  /// counts the next one either way as the first. Non-positive values stay.
  static func roundNotch(from value: Double, by notches: Int) -> Double {
    guard value > 0, value.isFinite, notches != 0 else { return value }
    func notch(_ n: Int) -> Double {
      let decade = n >= 0 ? n / 3 : (n - 2) / 3
      let mantissa = roundMantissas[n - 3 * decade]
      // Dividing by an exact power of ten gives the double nearest 0.05.
      return decade >= 0 ? mantissa * Double.pow(10, Double(decade)) : mantissa / Double.pow(10, Double(-decade))
    }
    let tolerance = value * 1e-9
    var n = 3 * Int(Double.log10(value).rounded(.down)) + 2
    while notch(n) > value + tolerance { n -= 1 }
    let isOnNotch = abs(notch(n) - value) <= tolerance
    n += notches > 0 || isOnNotch ? notches : notches + 1
    return notch(n)
  }
}
