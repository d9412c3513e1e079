import Foundation
import OptimizerCore
import RealModule
import Engine
import Rendering

/// The bench's convergence curves as an SVG picture: one panel per
/// landscape, the median best gap against evaluations for each optimizer
/// (both axes logarithmic), with the interquartile band shaded.
public enum ConvergencePlot {
  /// Gaps at or below this are drawn at it (a log axis has no zero).
  static let floor = 1e-12

  public static func svg(_ summaries: [BenchSummary], budget: Int) -> String {
    let landscapes = unique(summaries.map(\.landscape))
    let optimizers = unique(summaries.map(\.optimizer))
    let checkpoints = BenchRecord.checkpoints(budget: budget).map(Double.init)
    let columns = min(4, max(1, landscapes.count))
    let rows = (landscapes.count + columns - 1) / columns
    let panelWidth = 300.0, panelHeight = 220.0, legendHeight = 24.0 + 18 * Double((optimizers.count + 3) / 4)
    let width = Double(columns) * panelWidth + 20
    let height = Double(rows) * panelHeight + legendHeight + 40

    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
      <rect width="100%" height="100%" fill="white"/>
      <text x="10" y="20" font-size="14" font-weight="bold">Median best gap (f − f*) against evaluations, interquartile band shaded</text>

      """
    for (panel, landscape) in landscapes.enumerated() {
      let originX = 10 + Double(panel % columns) * panelWidth
      let originY = 30 + Double(panel / columns) * panelHeight
      let group = summaries.filter { $0.landscape == landscape }
      svg += panelSVG(
        group, title: landscape, optimizers: optimizers, checkpoints: checkpoints,
        frame: (originX + 50, originY + 20, panelWidth - 65, panelHeight - 55))
    }
    let legendY = 30 + Double(rows) * panelHeight + 10
    for (i, optimizer) in optimizers.enumerated() {
      let x = 20 + Double(i % 4) * (width - 40) / 4, y = legendY + 18 * Double(i / 4)
      svg += """
        <line x1="\(f(x))" y1="\(f(y))" x2="\(f(x + 24))" y2="\(f(y))" stroke="\(colour(i))" stroke-width="2.5"/>
        <text x="\(f(x + 30))" y="\(f(y + 4))">\(SVGWriter.escape(optimizer))</text>

        """
    }
    return svg + "</svg>\n"
  }

  private static func panelSVG(
    _ group: [BenchSummary], title: String, optimizers: [String], checkpoints: [Double],
    frame: (x: Double, y: Double, width: Double, height: Double)
  ) -> String {
    let values = group.flatMap { $0.lowerQuartileCurve + $0.upperQuartileCurve + $0.medianCurve }
      .filter(\.isFinite).map { max($0, floor) }
    let low = Double.log10(values.min() ?? floor), high = Double.log10(values.max() ?? 1)
    let yLow = low.rounded(.down), yHigh = max(high.rounded(.up), yLow + 1)
    let xLow = Double.log10(checkpoints.first ?? 1), xHigh = Double.log10(checkpoints.last ?? 10)
    func px(_ evaluations: Double) -> Double {
      frame.x + (Double.log10(evaluations) - xLow) / max(xHigh - xLow, 1e-9) * frame.width
    }
    func py(_ gap: Double) -> Double {
      frame.y + frame.height - (Double.log10(max(gap, floor)) - yLow) / (yHigh - yLow) * frame.height
    }

    var svg = """
      <g>
      <text x="\(f(frame.x + frame.width / 2))" y="\(f(frame.y - 6))" text-anchor="middle" font-weight="bold">\(SVGWriter.escape(title))</text>
      <rect x="\(f(frame.x))" y="\(f(frame.y))" width="\(f(frame.width))" height="\(f(frame.height))" fill="none" stroke="#999"/>

      """
    let step = max(1, Int((yHigh - yLow) / 6))
    for exponent in stride(from: Int(yLow), through: Int(yHigh), by: step) {
      let y = py(Double.pow(10, Double(exponent)))
      svg += """
        <line x1="\(f(frame.x))" y1="\(f(y))" x2="\(f(frame.x + frame.width))" y2="\(f(y))" stroke="#eee"/>
        <text x="\(f(frame.x - 4))" y="\(f(y + 4))" text-anchor="end">1e\(exponent)</text>

        """
    }
    for exponent in Int(xLow.rounded(.up))...max(Int(xLow.rounded(.up)), Int(xHigh.rounded(.down))) {
      let x = px(Double.pow(10, Double(exponent)))
      svg += """
        <text x="\(f(x))" y="\(f(frame.y + frame.height + 14))" text-anchor="middle">1e\(exponent)</text>

        """
    }
    svg += """
      <text x="\(f(frame.x + frame.width / 2))" y="\(f(frame.y + frame.height + 28))" text-anchor="middle" fill="#555">evaluations</text>

      """
    for summary in group {
      let colourIndex = optimizers.firstIndex(of: summary.optimizer) ?? 0
      let indices = checkpoints.indices.filter {
        $0 < summary.medianCurve.count && summary.medianCurve[$0].isFinite
          && summary.lowerQuartileCurve[$0].isFinite && summary.upperQuartileCurve[$0].isFinite
      }
      guard !indices.isEmpty else { continue }
      let upper = indices.map { "\(f(px(checkpoints[$0]))),\(f(py(summary.upperQuartileCurve[$0])))" }
      let lower = indices.reversed().map { "\(f(px(checkpoints[$0]))),\(f(py(summary.lowerQuartileCurve[$0])))" }
      let median = indices.map { "\(f(px(checkpoints[$0]))),\(f(py(summary.medianCurve[$0])))" }
      svg += """
        <polygon points="\((upper + lower).joined(separator: " "))" fill="\(colour(colourIndex))" fill-opacity="0.15" stroke="none"/>
        <polyline points="\(median.joined(separator: " "))" fill="none" stroke="\(colour(colourIndex))" stroke-width="1.8"><title>\(SVGWriter.escape(summary.optimizer))</title></polyline>

        """
    }
    return svg + "</g>\n"
  }

  private static func colour(_ index: Int) -> String { PlotStyle.colour(index) }

  private static func f(_ value: Double) -> String { PlotStyle.coordinate(value) }

  private static func unique(_ items: [String]) -> [String] { PlotStyle.unique(items) }
}
