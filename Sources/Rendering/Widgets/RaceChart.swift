import OptimizerCore

/// The best loss of every run against evaluations, overlaid in the runs'
/// colours on one log-scaled braille chart, so that a race between
/// optimizers reads at a glance. Evaluations, not steps, are the fair
/// clock: a swarm spends many per step, a walk one. Against steps, a cheap
/// run is not squeezed into the left edge beside a swarm's thousands.
public enum RaceChart {
  /// The x-axis's clock.
  public enum Axis: String, Sendable, Hashable {
    case evaluations
    case steps
  }

  /// One run's curve.
  public struct Series: Sendable, Hashable {
    public var name: String
    public var colour: RGB
    /// Evaluations used after each step, increasing.
    public var evaluations: [Int]
    /// The best loss after each step.
    public var bestLosses: [Double]
    /// The step of each entry, increasing (1, 2, 3 … unless given).
    public var steps: [Int]

    public init(name: String, colour: RGB, evaluations: [Int], bestLosses: [Double], steps: [Int]? = nil) {
      precondition(evaluations.count == bestLosses.count, "a series needs one loss per evaluation count")
      precondition(steps.map { $0.count == bestLosses.count } ?? true, "a series needs one step per loss")
      self.name = name
      self.colour = colour
      self.evaluations = evaluations
      self.bestLosses = bestLosses
      self.steps = steps ?? Array(bestLosses.indices.map { $0 + 1 })
    }

    /// The x values on an axis.
    func clock(_ axis: Axis) -> [Int] { axis == .evaluations ? evaluations : steps }
  }

  /// Draws the chart in `rect`: the curves against `clock`, the loss at the
  /// top and bottom of the axis on the left, the last evaluation count or
  /// step at the right end of the bottom row, and one legend row naming the
  /// runs in their colours when there is room. `floor` is f* when known.
  public static func draw(
    _ series: [Series], into grid: inout CellGrid, rect: Rect, floor: Double? = nil, clock: Axis = .evaluations
  ) {
    guard rect.width >= 12, rect.height >= 3 else { return }
    let label = CellStyle(foreground: RGB(160, 160, 160))
    guard let axis = LogAxis(values: series.lazy.flatMap(\.bestLosses), floor: floor),
      let maxEvaluations = series.compactMap({ $0.clock(clock).last }).max(), maxEvaluations > 0
    else {
      grid.text("no steps yet", in: rect.centered(width: rect.width, height: 1), alignment: .center, style: label)
      return
    }
    let legendRows = rect.height >= 6 ? 1 : 0
    // The loss labels whole, never cut, right-aligned against the axis
    // with a free column either side (so that a label never runs into the
    // colour bar's beside it): at least 8 columns, more for a long number
    // (0.000494, -1.23e-5), and the plot keeps at least 4.
    let top = compact(axis.value(at: 1)), bottom = compact(axis.value(at: 0))
    let longest = max(DisplayWidth.columns(of: top), DisplayWidth.columns(of: bottom))
    let labelWidth = min(max(8, longest + 3), rect.width - 4)
    let plot = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: rect.height - 1 - legendRows)
    var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
    let w = Double(canvas.dotWidth - 1), h = Double(canvas.dotHeight - 1)
    for run in series {
      var previous: (x: Int, y: Int)?
      for (evaluations, loss) in zip(run.clock(clock), run.bestLosses) {
        let p = axis.position(loss)
        guard !p.isNaN else { continue }
        let here = (x: Int((Double(evaluations) / Double(maxEvaluations) * w).rounded()), y: Int(((1 - p) * h).rounded()))
        if let previous { canvas.line(from: previous, to: here, colour: run.colour) } else { canvas.set(x: here.x, y: here.y, colour: run.colour) }
        previous = here
      }
    }
    canvas.draw(into: &grid, x: plot.x, y: plot.y)
    // Axis labels: the loss at the top and at the bottom, the evaluations.
    let labels = Rect(x: rect.x + 1, y: plot.y, width: labelWidth - 3, height: plot.height)
    grid.text(top, in: Rect(x: labels.x, y: labels.y, width: labels.width, height: 1), alignment: .right, style: label)
    grid.text(bottom, in: Rect(x: labels.x, y: labels.maxY - 1, width: labels.width, height: 1), alignment: .right, style: label)
    grid.verticalLine(x: plot.x - 1, y: plot.y, length: plot.height, glyph: "│", style: label)
    grid.horizontalLine(x: plot.x, y: plot.maxY, length: plot.width, glyph: "─", style: label)
    grid.put("└", x: plot.x - 1, y: plot.maxY, style: label)
    grid.text("0", x: plot.x, y: plot.maxY, style: label)
    let evaluationsText = clock == .evaluations ? "\(maxEvaluations) evals" : "step \(maxEvaluations)"
    grid.text(evaluationsText, x: plot.maxX - evaluationsText.count, y: plot.maxY, style: label)
    guard legendRows > 0 else { return }
    var x = rect.x
    for run in series where x < rect.maxX {
      grid.put("━", x: x, y: rect.maxY - 1, style: CellStyle(foreground: run.colour))
      x += 2
      x += grid.text(run.name, x: x, y: rect.maxY - 1, maxWidth: rect.maxX - x, style: CellStyle(foreground: run.colour)) + 2
    }
  }

  /// A loss in three significant digits (`compactNumber`).
  static func compact(_ v: Double) -> String { compactNumber(v) }
}
