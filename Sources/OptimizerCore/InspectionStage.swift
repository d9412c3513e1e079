/// One stage of an iteration taken apart (the visualizer's sub-step mode):
/// what the stage is called, its rule in symbols, the numbers it used and
/// made, and the geometry it adds to the map (probes, partial vectors).
///
/// Stages come from `Optimizer.stages(of:rng:particle:)`, which runs the
/// next iteration on copies: the numbers are those the real step computes.
public struct InspectionStage: Sendable, Hashable {
  public var name: String
  public var formula: String
  public var values: [StageValue]
  public var overlays: [Overlay]

  public init(_ name: String, formula: String, values: [StageValue] = [], overlays: [Overlay] = []) {
    self.name = name
    self.formula = formula
    self.values = values
    self.overlays = overlays
  }
}

/// A number, a vector or a fact of one stage, with its symbol.
public enum StageValue: Sendable, Hashable {
  case number(String, Double)
  case vector(String, Vector)
  /// Words rather than a number: "accepted", "not drawn (ΔE ≤ 0)".
  case fact(String, String)

  /// The symbol the value is shown under.
  public var symbol: String {
    switch self {
    case .number(let symbol, _), .vector(let symbol, _), .fact(let symbol, _): return symbol
    }
  }
}
