/// The hyperparameters the random walks share, declared once so that a
/// swap between walks keeps the user's settings (`Hyperparameters.adopt`).
enum RandomWalkSpecs {
  /// The largest order any walk takes.
  static let largestOrder = 10

  /// η, the standard deviation of the random top order.
  static let step = HyperparameterSpec(
    "step", symbol: "η", default: 1e-2, range: 1e-8...1, scale: .log, unit: .domainWidth,
    help: "standard deviation of the random change at the top order")

  /// How many candidates a step draws; the best is judged.
  static func bestOf(default count: Int) -> HyperparameterSpec {
    .integer("bestOf", symbol: "best of", default: count, range: 1...100, help: "candidates drawn per step; the best is judged")
  }

  /// After a rejection, push the top order away from the failed change.
  static let moveOpposite = HyperparameterSpec.flag(
    "moveOpposite", symbol: "opposite", default: true,
    help: "after a rejection, push the top order away from the failed change (order 1: step to x − c₀)")

  /// Kmax of the adaptive walks.
  static let maxOrder = HyperparameterSpec.integer(
    "maxOrder", symbol: "Kmax", default: 6, range: 1...largestOrder, help: "the highest order the walk may reach")

  /// m: rejections in a row that lower an adaptive walk's order.
  static let patience = HyperparameterSpec.integer(
    "patience", symbol: "m", default: 5, range: 1...1000, help: "rejections in a row that lower the order by one")

  /// The adaptive walks' correction of every order after a rejection. On
  /// by default: on the bench's 14 functions it leaves the smooth ones about
  /// as they were and finds far better points on the rugged ones (Ackley,
  /// Rastrigin, Eggholder, the three-hump camel).
  static let reverseOrderCorrection = HyperparameterSpec.flag(
    "reverseOrderCorrection", symbol: "reverse", default: true,
    help: "after a rejection at order ≥ 2, correct every order from the lowest up, d[i] −= c[i] − d[i], in place of moveOpposite")

  /// Which reading of the reverse-order correction (`CorrectionReading`);
  /// `independent`, the first one built, by default.
  static let correction = HyperparameterSpec.choice(
    "correction", symbol: "reading", options: CorrectionReading.allCases.map(\.rawValue),
    default: CorrectionReading.independent.rawValue,
    help: "reverse-order correction: independent, d[i] −= c[i+1] from the old values; chained, d[i] = new d[i−1] − old d[i−1], upward")

  /// The order readout: K on a gauge from 1 to `top`.
  static func orderReadout(_ order: Int, top: Int) -> Readout {
    Readout("order", symbol: "K", value: Double(order), gauge: 1...Double(max(top, 2)))
  }
}
