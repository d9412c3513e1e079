/// How loss values map to positions on the colour map.
///
/// A linear scale hides Rosenbrock's valley (its floor spans 0…10 while the
/// walls reach thousands); the log and rank scales show it.
public enum ColourScale: String, Sendable, Hashable, CaseIterable {
  /// t = (f − f_min) / (f_max − f_min).
  case linear
  /// t = (s(f) − s(f_min)) / (s(f_max) − s(f_min)) with
  /// s(f) = log(f − f_min + ε): equal ratios of height above the lowest
  /// sample get equal steps of colour. The floor ε = 10⁻ᵏ·(f_max − f_min),
  /// k from 0 to 6 decades, is the one under which the samples spread most
  /// evenly over the colours, so that no landscape is one colour.
  case log
  /// t = the rank of f among the samples / (n − 1), ties sharing their mean
  /// rank: every colour is used by the same number of pixels (quantiles).
  case rank

  /// The scale after this one, for the key that cycles scales.
  public var next: ColourScale {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}
