import OptimizerCore

/// What the bench's SVG plots share: their palette and how they write
/// coordinates.
enum PlotStyle {
  /// A colour-blind-friendly qualitative palette (Okabe–Ito, then Tableau).
  static let palette = [
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000",
    "#8c564b", "#7f7f7f", "#bcbd22", "#17becf",
  ]

  /// The index-th colour, the palette repeating.
  static func colour(_ index: Int) -> String { palette[index % palette.count] }

  /// A coordinate to a tenth of a pixel, as `exactNumber` writes it (-0
  /// as 0).
  static func coordinate(_ value: Double) -> String { exactNumber((value * 10).rounded() / 10 + 0) }

  /// The items in their order of first appearance, each once.
  static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
