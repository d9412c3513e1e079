import Engine
import OptimizerCore
import RealModule

/// A sweep's sensitivity curves as an SVG picture: a panel per landscape
/// (and per first swept key, when optimizers sweep different ones), the
/// success rate against the first swept key's value (a log axis when that
/// sweep is log), a curve per optimizer and per value of any other swept
/// key, and a dashed line at the success rate of each optimizer no sweep
/// reached.
public enum SensitivityPlot {
  /// One curve: an optimizer at fixed values of the keys after the first.
  struct Curve {
    var label: String
    var points: [(x: Double, success: Double)]
  }

  /// One panel: a landscape, the key on its x axis, its curves and baselines.
  struct Panel {
    var landscape: String
    var key: String
    var logarithmic: Bool
    var curves: [Curve] = []
  }

  public static func svg(_ summaries: [BenchSummary]) -> String {
    var panels: [Panel] = []
    for summary in summaries {
      guard let sweep = summary.sweep, let first = sweep.first else { continue }
      let others = sweep.dropFirst().map(\.text).joined(separator: " ")
      let label = others.isEmpty ? summary.optimizer : summary.optimizer + " " + others
      var index = panels.firstIndex { $0.landscape == summary.landscape && $0.key == first.key }
      if index == nil {
        panels.append(Panel(landscape: summary.landscape, key: first.key, logarithmic: first.logarithmic))
        index = panels.count - 1
      }
      if let curve = panels[index!].curves.firstIndex(where: { $0.label == label }) {
        panels[index!].curves[curve].points.append((first.value, summary.successRate))
      } else {
        panels[index!].curves.append(Curve(label: label, points: [(first.value, summary.successRate)]))
      }
    }
    let baselines = summaries.filter { $0.sweep?.isEmpty == true }
    let labels = PlotStyle.unique(panels.flatMap { $0.curves.map(\.label) } + baselines.map { baselineLabel($0) })

    let columns = min(4, max(1, panels.count))
    let rows = max(1, (panels.count + columns - 1) / columns)
    let panelWidth = 300.0, panelHeight = 220.0, legendHeight = 24.0 + 18 * Double((labels.count + 3) / 4)
    let width = Double(columns) * panelWidth + 20
    let height = Double(rows) * panelHeight + legendHeight + 40
    let f = PlotStyle.coordinate

    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
      <rect width="100%" height="100%" fill="white"/>
      <text x="10" y="20" font-size="14" font-weight="bold">Success rate against the swept value (dashed: an optimizer not swept)</text>

      """
    for (number, panel) in panels.enumerated() {
      let originX = 10 + Double(number % columns) * panelWidth
      let originY = 30 + Double(number / columns) * panelHeight
      svg += panelSVG(
        panel, baselines: baselines.filter { $0.landscape == panel.landscape }, labels: labels,
        frame: (originX + 50, originY + 20, panelWidth - 65, panelHeight - 55))
    }
    let legendY = 30 + Double(rows) * panelHeight + 10
    for (i, label) in labels.enumerated() {
      let x = 20 + Double(i % 4) * (width - 40) / 4, y = legendY + 18 * Double(i / 4)
      let dash = baselines.contains { baselineLabel($0) == label } ? " stroke-dasharray=\"5,3\"" : ""
      svg += """
        <line x1="\(f(x))" y1="\(f(y))" x2="\(f(x + 24))" y2="\(f(y))" stroke="\(PlotStyle.colour(i))" stroke-width="2.5"\(dash)/>
        <text x="\(f(x + 30))" y="\(f(y + 4))">\(SVGWriter.escape(label))</text>

        """
    }
    return svg + "</svg>\n"
  }

  /// How the legend names an optimizer no sweep reached.
  static func baselineLabel(_ summary: BenchSummary) -> String { summary.optimizer + " (not swept)" }

  private static func panelSVG(
    _ panel: Panel, baselines: [BenchSummary], labels: [String],
    frame: (x: Double, y: Double, width: Double, height: Double)
  ) -> String {
    let f = PlotStyle.coordinate
    let xs = panel.curves.flatMap { $0.points.map(\.x) }
    func axis(_ value: Double) -> Double { panel.logarithmic ? Double.log10(value) : value }
    var low = axis(xs.min() ?? 0), high = axis(xs.max() ?? 1)
    if high <= low { (low, high) = (low - 0.5, high + 0.5) }
    func px(_ value: Double) -> Double { frame.x + (axis(value) - low) / (high - low) * frame.width }
    func py(_ success: Double) -> Double { frame.y + frame.height - success * frame.height }

    var svg = """
      <g>
      <text x="\(f(frame.x + frame.width / 2))" y="\(f(frame.y - 6))" text-anchor="middle" font-weight="bold">\(SVGWriter.escape(panel.landscape))</text>
      <rect x="\(f(frame.x))" y="\(f(frame.y))" width="\(f(frame.width))" height="\(f(frame.height))" fill="none" stroke="#999"/>

      """
    for percent in stride(from: 0, through: 100, by: 25) {
      let y = py(Double(percent) / 100)
      svg += """
        <line x1="\(f(frame.x))" y1="\(f(y))" x2="\(f(frame.x + frame.width))" y2="\(f(y))" stroke="#eee"/>
        <text x="\(f(frame.x - 4))" y="\(f(y + 4))" text-anchor="end">\(percent)%</text>

        """
    }
    // Five ticks evenly spaced along the axis, in log for a log sweep.
    for tick in 0..<5 {
      let position = low + (high - low) * Double(tick) / 4
      let value = panel.logarithmic ? Double.pow(10, position) : position
      svg += """
        <text x="\(f(frame.x + frame.width * Double(tick) / 4))" y="\(f(frame.y + frame.height + 14))" text-anchor="middle">\(formatNumber(value, significantDigits: 3))</text>

        """
    }
    svg += """
      <text x="\(f(frame.x + frame.width / 2))" y="\(f(frame.y + frame.height + 28))" text-anchor="middle" fill="#555">\(SVGWriter.escape(panel.key + (panel.logarithmic ? " (log)" : "")))</text>

      """
    for baseline in baselines {
      let label = baselineLabel(baseline)
      let y = py(baseline.successRate)
      svg += """
        <line x1="\(f(frame.x))" y1="\(f(y))" x2="\(f(frame.x + frame.width))" y2="\(f(y))" stroke="\(PlotStyle.colour(labels.firstIndex(of: label) ?? 0))" stroke-width="1.5" stroke-dasharray="5,3"><title>\(SVGWriter.escape(label))</title></line>

        """
    }
    for curve in panel.curves {
      let colour = PlotStyle.colour(labels.firstIndex(of: curve.label) ?? 0)
      let points = curve.points.sorted { $0.x < $1.x }
      let line = points.map { "\(f(px($0.x))),\(f(py($0.success)))" }
      svg += """
        <polyline points="\(line.joined(separator: " "))" fill="none" stroke="\(colour)" stroke-width="1.8"><title>\(SVGWriter.escape(curve.label))</title></polyline>

        """
      for point in points {
        svg += """
          <circle cx="\(f(px(point.x)))" cy="\(f(py(point.success)))" r="2.5" fill="\(colour)"><title>\(SVGWriter.escape("\(curve.label) at \(panel.key)=\(exactNumber(point.x)): \(Int((point.success * 100).rounded()))%"))</title></circle>

          """
      }
    }
    return svg + "</g>\n"
  }
}
