import ViewModel

/// A colour map: t ∈ [0, 1] → RGB, interpolated linearly between evenly
/// spaced control points.
///
/// The perceptually uniform maps use 17 control points sampled from
/// matplotlib's tables (t = 0, 1/16, …, 1), which keeps every interpolated
/// colour within about one 8-bit step of the original 256-entry table.
public struct ColourMap: Sendable, Hashable, Identifiable {
  /// What users type and scenes store: `viridis`, `magma`, …
  public let id: String
  /// Colours at t = 0, 1/(n−1), …, 1.
  public let controlPoints: [RGB]
  /// 256 precomputed colours, so that the heat map's inner loop is a lookup.
  let table: [RGB]

  public init(id: String, controlPoints: [RGB]) {
    precondition(controlPoints.count >= 2, "a colour map needs at least two control points")
    self.id = id
    self.controlPoints = controlPoints
    self.table = (0..<256).map { Self.interpolate(controlPoints, Double($0) / 255) }
  }

  /// Builds a map from control points given as components in [0, 1].
  init(id: String, unit points: [(Double, Double, Double)]) {
    self.init(id: id, controlPoints: points.map { RGB(unit: $0.0, $0.1, $0.2) })
  }

  /// The colour at t (clamped to [0, 1]; NaN gives the colour at 0).
  public func colour(at t: Double) -> RGB {
    guard t > 0 else { return table[0] }
    return table[min(Int(t * 255 + 0.5), 255)]
  }

  /// The exact interpolation, without the 256-step table.
  static func interpolate(_ points: [RGB], _ t: Double) -> RGB {
    let position = min(max(t, 0), 1) * Double(points.count - 1)
    let index = min(Int(position), points.count - 2)
    return points[index].mixed(with: points[index + 1], position - Double(index))
  }

  // MARK: - The maps

  /// The map a view names.
  public init(_ name: ColourMapName) {
    switch name {
    case .viridis: self = .viridis
    case .magma: self = .magma
    case .inferno: self = .inferno
    case .cividis: self = .cividis
    case .grayscale: self = .grayscale
    case .coolwarm: self = .coolwarm
    }
  }

  /// The default: perceptually uniform, readable in grey, dark blue to yellow.
  public static let viridis = ColourMap(id: "viridis", unit: [
    (0.2670, 0.0049, 0.3294), (0.2823, 0.0950, 0.4173), (0.2788, 0.1755, 0.4834),
    (0.2590, 0.2515, 0.5247), (0.2297, 0.3224, 0.5457), (0.1994, 0.3876, 0.5546),
    (0.1727, 0.4488, 0.5579), (0.1490, 0.5081, 0.5573), (0.1276, 0.5669, 0.5506),
    (0.1206, 0.6258, 0.5335), (0.1579, 0.6838, 0.5017), (0.2461, 0.7389, 0.4520),
    (0.3692, 0.7889, 0.3829), (0.5160, 0.8312, 0.2943), (0.6785, 0.8637, 0.1895),
    (0.8456, 0.8873, 0.0997), (0.9932, 0.9062, 0.1439),
  ])

  /// Black through purple and orange to pale yellow.
  public static let magma = ColourMap(id: "magma", unit: [
    (0.0015, 0.0005, 0.0139), (0.0396, 0.0311, 0.1335), (0.1131, 0.0655, 0.2768),
    (0.2117, 0.0620, 0.4186), (0.3167, 0.0717, 0.4854), (0.4147, 0.1104, 0.5047),
    (0.5128, 0.1482, 0.5076), (0.6136, 0.1818, 0.4985), (0.7164, 0.2150, 0.4753),
    (0.8169, 0.2559, 0.4365), (0.9043, 0.3196, 0.3881), (0.9609, 0.4183, 0.3596),
    (0.9867, 0.5356, 0.3822), (0.9961, 0.6537, 0.4462), (0.9969, 0.7696, 0.5349),
    (0.9924, 0.8843, 0.6401), (0.9871, 0.9914, 0.7495),
  ])

  /// Black through red and orange to bright yellow.
  public static let inferno = ColourMap(id: "inferno", unit: [
    (0.0015, 0.0005, 0.0139), (0.0423, 0.0281, 0.1411), (0.1293, 0.0473, 0.2908),
    (0.2383, 0.0366, 0.3964), (0.3415, 0.0623, 0.4294), (0.4412, 0.0993, 0.4316),
    (0.5409, 0.1347, 0.4151), (0.6401, 0.1714, 0.3811), (0.7357, 0.2159, 0.3302),
    (0.8224, 0.2752, 0.2661), (0.8943, 0.3534, 0.1936), (0.9470, 0.4492, 0.1153),
    (0.9784, 0.5579, 0.0349), (0.9879, 0.6753, 0.0653), (0.9746, 0.7977, 0.2063),
    (0.9476, 0.9174, 0.4107), (0.9884, 0.9984, 0.6449),
  ])

  /// Blue to yellow, designed to read the same with red-green colour blindness.
  public static let cividis = ColourMap(id: "cividis", unit: [
    (0.0000, 0.1351, 0.3048), (0.0000, 0.1788, 0.4148), (0.1034, 0.2204, 0.4358),
    (0.1951, 0.2644, 0.4259), (0.2637, 0.3078, 0.4228), (0.3242, 0.3513, 0.4263),
    (0.3808, 0.3952, 0.4357), (0.4352, 0.4398, 0.4511), (0.4887, 0.4853, 0.4710),
    (0.5478, 0.5319, 0.4717), (0.6091, 0.5798, 0.4636), (0.6720, 0.6293, 0.4480),
    (0.7365, 0.6806, 0.4240), (0.8027, 0.7340, 0.3902), (0.8707, 0.7896, 0.3433),
    (0.9411, 0.8475, 0.2758), (0.9957, 0.9093, 0.2178),
  ])

  /// Black to white.
  public static let grayscale = ColourMap(id: "grayscale", controlPoints: [RGB(0, 0, 0), RGB(255, 255, 255)])

  /// Moreland's diverging cool-warm map (blue, grey, red), for functions
  /// whose sign matters.
  public static let coolwarm = ColourMap(id: "coolwarm", unit: [
    (0.2298, 0.2987, 0.7537), (0.3042, 0.4069, 0.8453), (0.3837, 0.5102, 0.9178),
    (0.4677, 0.6056, 0.9685), (0.5543, 0.6901, 0.9955), (0.6408, 0.7608, 0.9978),
    (0.7240, 0.8149, 0.9757), (0.8006, 0.8504, 0.9300), (0.8674, 0.8644, 0.8626),
    (0.9256, 0.8255, 0.7711), (0.9595, 0.7670, 0.6741), (0.9697, 0.6905, 0.5751),
    (0.9567, 0.5980, 0.4773), (0.9214, 0.4914, 0.3834), (0.8654, 0.3711, 0.2958),
    (0.7906, 0.2314, 0.2162), (0.7057, 0.0156, 0.1502),
  ])
}
