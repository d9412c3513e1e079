import OptimizerCore

/// What the inspector (`i`) shows: one particle of the selected run in
/// detail, and everything the run's optimizer reports about itself.
public struct InspectorContent: Sendable, Hashable {
  /// The run's label, as on its panel: `pso`, `adam #2`.
  public var runName: String
  /// Which particle is shown, 0-based, and of how many.
  public var particleIndex: Int
  public var particleCount: Int
  public var particle: Particle?
  /// The probes of the run's last step, in the order they were evaluated.
  public var probes: [Point]
  /// Every readout of the optimizer (T, order, σ, …).
  public var readouts: [Readout]
  /// Its internal vectors (momentum, mean, gradient estimate, …).
  public var vectors: [NamedVector]
  /// On a plane through more than two dimensions, the particle's distance
  /// to it (`PlaneGeometry.distance(of:)`); nil on a 2-D map.
  public var planeDistance: Double?

  public init(
    runName: String, particleIndex: Int, particleCount: Int, particle: Particle?, probes: [Point],
    readouts: [Readout], vectors: [NamedVector]
  ) {
    self.runName = runName
    self.particleIndex = particleIndex
    self.particleCount = particleCount
    self.particle = particle
    self.probes = probes
    self.readouts = readouts
    self.vectors = vectors
  }
}

/// Draws the inspector in the side bar, in place of the run panels:
///
///     ┌─ inspect pso · particle 3/20 ──┐
///     │ position   (0.9813, 0.9627)    │
///     │ loss       3.52e-4             │
///     │ velocity   (-0.012, -0.031)    │
///     │ best       1.9e-4 at (…)       │
///     │ age        41                  │
///     │ run's last probes (3)          │
///     │   (0.98, 0.96)  3.52e-4        │
///     │ run                            │
///     │ ω          0.72  inertia       │
///     │ mean       (0.99, 0.98)        │
///     └────────────────────────────────┘
///
/// The probe list takes the rows the other sections leave (the latest
/// probes when there are more); what still does not fit is cut from the
/// bottom.
public enum InspectorPanel {
  public static func draw(_ content: InspectorContent, into grid: inout CellGrid, rect: Rect) {
    guard rect.width >= 12, rect.height >= 3 else { return }
    grid.fill(rect, with: Cell(" ", background: RGB(18, 18, 24)))
    let inside = grid.box(
      rect, title: title(content, width: rect.width - 6), style: CellStyle(foreground: RGB(110, 110, 130)),
      titleStyle: CellStyle(foreground: RGB(230, 230, 240), attributes: .bold))
    var runLines: [Line] = [.heading("run")]
    if content.readouts.isEmpty && content.vectors.isEmpty { runLines.append(.note("no readouts")) }
    for readout in content.readouts {
      let value = readout.value.isNaN ? "–" : formatNumber(readout.value, significantDigits: 4)
      let named = readout.symbol == readout.name ? value : "\(value)  \(readout.name)"
      runLines.append(.field(readout.symbol.isEmpty ? readout.name : readout.symbol, named))
    }
    for vector in content.vectors { runLines.append(.field(vector.name, describe(vector.vector))) }
    // The probes take the rows the other sections leave, at least three.
    let fixed = particleLines(content, probeRows: 0).count + runLines.count
    let lines = particleLines(content, probeRows: max(3, inside.height - fixed)) + runLines
    for (offset, line) in lines.prefix(inside.height).enumerated() {
      line.draw(into: &grid, x: inside.x, y: inside.y + offset, width: inside.width)
    }
  }

  /// "inspect pso · particle 3/20", shortened to "pso · 3/20" when narrow.
  static func title(_ content: InspectorContent, width: Int) -> String {
    let count = content.particleCount
    let full = "inspect \(content.runName)" + (count > 0 ? " · particle \(content.particleIndex + 1)/\(count)" : "")
    guard DisplayWidth.columns(of: full) > width else { return full }
    return content.runName + (count > 0 ? " · \(content.particleIndex + 1)/\(count)" : "")
  }

  /// The selected particle's lines, then the run's last probes in at most
  /// `probeRows` rows (the latest ones when there are more).
  static func particleLines(_ content: InspectorContent, probeRows: Int) -> [Line] {
    guard let particle = content.particle else { return [.note("no particle")] }
    var lines: [Line] = [
      .field("position", describe(particle.position)),
      .field("loss", particle.loss.isNaN ? "not evaluated yet" : formatNumber(particle.loss, significantDigits: 4)),
    ]
    if let distance = content.planeDistance { lines.append(.field("off plane", formatNumber(distance, significantDigits: 4))) }
    if let velocity = particle.velocity { lines.append(.field("velocity", describe(velocity))) }
    if let best = particle.personalBest {
      lines.append(.field("best", "\(formatNumber(best.loss, significantDigits: 4)) at \(describe(best.position))"))
    }
    lines.append(.field("age", "\(particle.age)"))
    if let tag = particle.tag { lines.append(.field("role", tag)) }
    lines.append(.heading("run's last probes (\(content.probes.count))"))
    guard probeRows > 0 else { return lines }
    let fits = content.probes.count <= probeRows
    let shown = content.probes.suffix(fits ? probeRows : probeRows - 1)
    if !fits { lines.append(.note("… \(content.probes.count - shown.count) earlier")) }
    for probe in shown { lines.append(.probe(describe(probe.position), formatNumber(probe.loss, significantDigits: 4))) }
    return lines
  }

  /// `(0.9813, 0.9627)`, or the first coordinates and `…` past four.
  static func describe(_ vector: Vector) -> String {
    let shown = vector.components.prefix(4).map { formatNumber($0, significantDigits: 4) }
    return "(" + shown.joined(separator: ", ") + (vector.dimension > 4 ? ", …" : "") + ")"
  }

  /// One row of the inspector.
  enum Line {
    case heading(String)
    case field(String, String)
    case probe(String, String)
    case note(String)

    func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
      let label = CellStyle(foreground: RGB(150, 150, 165))
      let value = CellStyle(foreground: RGB(230, 230, 240))
      switch self {
      case .heading(let text):
        grid.text(text, x: x, y: y, maxWidth: width, style: CellStyle(foreground: RGB(200, 200, 120), attributes: .bold))
      case .field(let name, let text):
        let labelWidth = min(10, width / 3)
        grid.text(name, x: x, y: y, maxWidth: labelWidth, style: label)
        grid.text(text, x: x + labelWidth + 1, y: y, maxWidth: width - labelWidth - 1, style: value)
      case .probe(let position, let loss):
        let used = grid.text("  " + position, x: x, y: y, maxWidth: width, style: value)
        grid.text("  " + loss, x: x + used, y: y, maxWidth: width - used, style: label)
      case .note(let text):
        grid.text(text, x: x, y: y, maxWidth: width, style: label)
      }
    }
  }
}
