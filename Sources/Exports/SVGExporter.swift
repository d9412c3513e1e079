import OptimizerCore
import Rendering
import ViewModel

/// A frame as an SVG picture that opens in a browser: the heat map as a
/// raster of rectangles, contour lines, every run's trajectory as a
/// polyline, the particles and best points, the known minimizers, a legend
/// naming the runs and the colour bar with its values.
public struct SVGExporter: Sendable {
  public var content: FrameContent
  public var view: MapView
  /// Heat map pixels across (the picture's resolution, not its size).
  public var resolution: Int
  /// The map's width in SVG units.
  public var mapWidth: Double

  public init(content: FrameContent, view: MapView = MapView(), resolution: Int = 120, mapWidth: Double = 600) {
    self.content = content
    self.view = view
    self.resolution = max(resolution, 8)
    self.mapWidth = mapWidth
  }

  /// The SVG document.
  public func render() -> String {
    let domain = content.landscape.domain
    // More than two dimensions: the plane through the first run's best
    // (or the view's choice), its viewport the box on the plane's axes.
    let plane = ShownPlane(view.plane, content: content, selectedRun: nil)
    let domainView = view.viewport
      ?? (plane == nil ? Viewport(domain: domain) : Viewport(domain: domain, axes: view.plane.axes(in: domain.dimension)))
    // Square pixels: as many rows as the viewport's aspect asks for, at
    // most 4 per column, so that a domain far taller than wide cannot ask
    // for more rows than an Int holds (the map is then widened instead).
    let aspectRows = (Double(resolution) * domainView.height / domainView.width / 2).rounded()
    let rows = Int(min(max(aspectRows, 2), Double(4 * resolution)))
    let viewport = domainView.fitted(columns: resolution, rows: rows)
    var heatMap = HeatMap()
    heatMap.update(
      objective: content.landscape.objective, identity: content.landscape.identity, viewport: viewport,
      columns: resolution, rows: rows, scale: view.scale, base: content.landscape.domain.center, plane: plane?.geometry)
    let mapHeight = mapWidth * viewport.height / viewport.width
    let frame = Frame(viewport: viewport, origin: (20, 50), size: (mapWidth, mapHeight), plane: plane?.geometry)
    let legendX = frame.origin.x + mapWidth + 30
    let width = legendX + 340, height = max(frame.origin.y + mapHeight + 40, 50 + 80 + Double(content.runs.count) * 44 + 260)

    var svg = SVGWriter()
    svg.open("svg", [
      ("xmlns", "http://www.w3.org/2000/svg"), ("width", number(width)), ("height", number(height)),
      ("viewBox", "0 0 \(number(width)) \(number(height))"), ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
    ])
    svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "#111118")])
    svg.element("clipPath", [("id", "map")], children: { w in
      w.element("rect", [("x", number(frame.origin.x)), ("y", number(frame.origin.y)), ("width", number(mapWidth)), ("height", number(mapHeight))])
    })
    title(&svg, frame: frame, plane: plane)
    raster(&svg, heatMap: heatMap, frame: frame)
    svg.open("g", [("clip-path", "url(#map)")])
    if view.contours > 0 { contours(&svg, heatMap: heatMap, frame: frame, count: view.contours) }
    minimizers(&svg, frame: frame)
    runs(&svg, frame: frame)
    svg.close("g")
    svg.element("rect", [
      ("x", number(frame.origin.x)), ("y", number(frame.origin.y)), ("width", number(mapWidth)), ("height", number(mapHeight)),
      ("fill", "none"), ("stroke", "#555566"),
    ])
    legend(&svg, x: legendX, y: frame.origin.y)
    if let fitted = heatMap.fitted {
      colourBar(&svg, scale: fitted, x: legendX, y: frame.origin.y + 40 + Double(content.runs.count) * 44, height: 220)
    }
    svg.close("svg")
    return svg.output
  }

  /// Maps landscape points to SVG coordinates (on a plane, their
  /// projections onto it).
  struct Frame {
    let viewport: Viewport
    let origin: (x: Double, y: Double)
    let size: (width: Double, height: Double)
    let plane: PlaneGeometry?

    func point(_ p: Vector) -> (x: Double, y: Double) {
      if let plane {
        let (u, v) = plane.coordinates(of: p)
        return (origin.x + (u - viewport.x.lowerBound) / viewport.width * size.width,
          origin.y + (viewport.y.upperBound - v) / viewport.height * size.height)
      }
      return (origin.x + (p[0] - viewport.x.lowerBound) / viewport.width * size.width,
       origin.y + (viewport.y.upperBound - (p.dimension > 1 ? p[1] : 0)) / viewport.height * size.height)
    }
  }

  /// The title above the map; the viewport's ranges under its right
  /// corner, where no title, however long, runs into them.
  private func title(_ svg: inout SVGWriter, frame: Frame, plane: ShownPlane?) {
    let viewport = frame.viewport
    let text = "\(content.landscape.title) — step \(content.step) — \(view.scale.rawValue) scale, \(view.colourMap)"
    svg.element("text", [("x", "20"), ("y", "30"), ("fill", "#e6e6e6"), ("font-size", "18")], text: text)
    let names = plane.map { $0.geometry.axes.map { ("x\($0.first + 1)", "x\($0.second + 1)") } ?? ("u", "v") } ?? ("x", "y")
    if let plane {
      // Under the map's left corner; dimmed cells lie outside the box.
      svg.element(
        "text",
        [
          ("class", "plane"), ("x", number(frame.origin.x)), ("y", number(frame.origin.y + frame.size.height + 22)),
          ("fill", "#9a9aa6"), ("font-size", "12"),
        ], text: plane.summary + " (dimmed: outside the box)")
    }
    let range = "\(names.0) ∈ [\(compactNumber(viewport.x.lowerBound)), \(compactNumber(viewport.x.upperBound))], \(names.1) ∈ [\(compactNumber(viewport.y.lowerBound)), \(compactNumber(viewport.y.upperBound))]"
    svg.element(
      "text",
      [
        ("x", number(frame.origin.x + frame.size.width)), ("y", number(frame.origin.y + frame.size.height + 22)),
        ("fill", "#9a9aa6"), ("font-size", "12"), ("text-anchor", "end"),
      ], text: range)
  }

  /// The heat map as rectangles, one per run of equal colour in a row;
  /// levels are rounded to 1/96 first, which no eye tells from the full
  /// map but which merges neighbours into far fewer rectangles.
  private func raster(_ svg: inout SVGWriter, heatMap: HeatMap, frame: Frame) {
    let (w, h) = (heatMap.pixelWidth, heatMap.pixelHeight)
    let (pw, ph) = (frame.size.width / Double(w), frame.size.height / Double(h))
    svg.open("g", [("shape-rendering", "crispEdges")])
    for j in 0..<h {
      var i = 0
      while i < w {
        let colour = rasterColour(heatMap, i, j)
        var end = i + 1
        while end < w && rasterColour(heatMap, end, j) == colour { end += 1 }
        // A hair wider than the pixels, so no seam shows between rows.
        svg.element("rect", [
          ("x", number(frame.origin.x + Double(i) * pw)), ("y", number(frame.origin.y + Double(j) * ph)),
          ("width", number(Double(end - i) * pw + 0.3)), ("height", number(ph + 0.3)), ("fill", colour.hex),
        ])
        i = end
      }
    }
    svg.close("g")
  }

  /// A pixel's colour: its level's, dimmed where a plane leaves the box.
  private func rasterColour(_ heatMap: HeatMap, _ i: Int, _ j: Int) -> RGB {
    let t = heatMap.level(pixelX: i, pixelY: j)
    guard !t.isNaN else { return HeatMap.undefinedColour }
    let colour = ColourMap(view.colourMap).colour(at: (t * 96).rounded() / 96)
    return heatMap.isOutside(pixelX: i, pixelY: j) ? colour.blended(with: RGB(0, 0, 0), weight: HeatMap.outsideDimming) : colour
  }

  /// Contour lines by marching squares over the pixel levels, one path per
  /// level, at t = k/count.
  private func contours(_ svg: inout SVGWriter, heatMap: HeatMap, frame: Frame, count: Int) {
    let (w, h) = (heatMap.pixelWidth, heatMap.pixelHeight)
    let (pw, ph) = (frame.size.width / Double(w), frame.size.height / Double(h))
    func position(_ i: Double, _ j: Double) -> String {
      "\(number(frame.origin.x + (i + 0.5) * pw)) \(number(frame.origin.y + (j + 0.5) * ph))"
    }
    svg.open("g", [("fill", "none"), ("stroke", "#ffffff"), ("stroke-opacity", "0.35"), ("stroke-width", "0.8")])
    for k in 1..<max(count, 2) {
      let c = Double(k) / Double(count)
      var path = ""
      for j in 0..<h - 1 {
        for i in 0..<w - 1 {
          let corners = [
            (Double(i), Double(j), heatMap.level(pixelX: i, pixelY: j)),
            (Double(i + 1), Double(j), heatMap.level(pixelX: i + 1, pixelY: j)),
            (Double(i + 1), Double(j + 1), heatMap.level(pixelX: i + 1, pixelY: j + 1)),
            (Double(i), Double(j + 1), heatMap.level(pixelX: i, pixelY: j + 1)),
          ]
          guard !corners.contains(where: { $0.2.isNaN }) else { continue }
          // Where the level crosses each edge of the square, in order.
          var crossings: [(Double, Double)] = []
          for e in 0..<4 {
            let (a, b) = (corners[e], corners[(e + 1) % 4])
            if (a.2 < c) != (b.2 < c) {
              let s = (c - a.2) / (b.2 - a.2)
              crossings.append((a.0 + s * (b.0 - a.0), a.1 + s * (b.1 - a.1)))
            }
          }
          var index = 0
          while index + 1 < crossings.count {
            path += "M\(position(crossings[index].0, crossings[index].1))L\(position(crossings[index + 1].0, crossings[index + 1].1))"
            index += 2
          }
        }
      }
      if !path.isEmpty { svg.element("path", [("class", "contour"), ("d", path)]) }
    }
    svg.close("g")
  }

  private func minimizers(_ svg: inout SVGWriter, frame: Frame) {
    for x in content.landscape.knownMinimum?.minimizers ?? [] {
      let p = frame.point(x)
      let d = "M\(number(p.x - 6)) \(number(p.y - 6))L\(number(p.x + 6)) \(number(p.y + 6))M\(number(p.x - 6)) \(number(p.y + 6))L\(number(p.x + 6)) \(number(p.y - 6))"
      svg.element("path", [("class", "minimizer"), ("d", d), ("stroke", "#ffffff"), ("stroke-width", "2")])
    }
  }

  /// Per run: its trajectory (one polyline), its particles and its best.
  private func runs(_ svg: inout SVGWriter, frame: Frame) {
    for run in content.runs {
      let colour = run.layer.style.colour.hex
      svg.open("g", [("class", "run"), ("id", "run-\(run.id)")])
      let path = run.trajectory.isEmpty ? run.layer.particles.prefix(1).map(\.position) : run.trajectory
      let points = path.map { frame.point($0) }.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
      svg.element("polyline", [
        ("class", "trajectory"), ("points", points), ("fill", "none"), ("stroke", colour), ("stroke-width", "1.6"),
        ("stroke-linejoin", "round"), ("stroke-opacity", "0.9"),
      ])
      for particle in run.layer.particles {
        let p = frame.point(particle.position)
        var attributes = [
          ("class", "particle"), ("cx", number(p.x)), ("cy", number(p.y)), ("r", "3.5"), ("fill", colour),
          ("stroke", "#000000"), ("stroke-width", "0.8"),
        ]
        // On a plane, fainter the farther the particle is from it.
        if let plane = frame.plane { attributes.append(("opacity", number(1 - plane.faintness(of: particle.position)))) }
        svg.element("circle", attributes)
      }
      if let best = run.layer.best {
        let p = frame.point(best.position)
        svg.element("path", [("class", "best"), ("d", star(at: p, radius: 8)), ("fill", colour), ("stroke", "#000000"), ("stroke-width", "0.8")])
      }
      svg.close("g")
    }
  }

  /// A five-pointed star centred at p.
  private func star(at p: (x: Double, y: Double), radius: Double) -> String {
    // Outer and inner vertices at 36° steps, starting at the top.
    let unit: [(Double, Double)] = [
      (0, -1), (0.2245, -0.309), (0.9511, -0.309), (0.3633, 0.118), (0.5878, 0.809),
      (0, 0.382), (-0.5878, 0.809), (-0.3633, 0.118), (-0.9511, -0.309), (-0.2245, -0.309),
    ]
    return unit.enumerated().map { index, v in
      "\(index == 0 ? "M" : "L")\(number(p.x + radius * v.0)) \(number(p.y + radius * v.1))"
    }.joined() + "Z"
  }

  private func legend(_ svg: inout SVGWriter, x: Double, y: Double) {
    svg.element("text", [("x", number(x)), ("y", number(y + 12)), ("fill", "#e6e6e6"), ("font-size", "14"), ("font-weight", "bold")], text: "Runs")
    let fStar = content.landscape.knownMinimum?.value
    for (index, run) in content.runs.enumerated() {
      let top = y + 28 + Double(index) * 44
      svg.open("g", [("class", "legend-entry")])
      svg.element("rect", [("x", number(x)), ("y", number(top)), ("width", "14"), ("height", "14"), ("fill", run.layer.style.colour.hex)])
      svg.element("text", [("x", number(x + 22)), ("y", number(top + 12)), ("fill", "#e6e6e6"), ("font-size", "14")], text: run.layer.name)
      var facts = "\(run.optimizerName) · best \(run.bestLoss.map(compactNumber) ?? "–")"
      if let fStar, let best = run.bestLoss { facts += " · gap \(compactNumber(best - fStar))" }
      facts += " · \(run.evaluations) evals"
      svg.element("text", [("x", number(x + 22)), ("y", number(top + 30)), ("fill", "#9a9aa6"), ("font-size", "11")], text: facts)
      svg.close("g")
    }
  }

  private func colourBar(_ svg: inout SVGWriter, scale: FittedScale, x: Double, y: Double, height: Double) {
    let steps = 64
    svg.open("g", [("class", "colour-bar"), ("shape-rendering", "crispEdges")])
    for k in 0..<steps {
      let t = 1 - (Double(k) + 0.5) / Double(steps)
      svg.element("rect", [
        ("x", number(x)), ("y", number(y + Double(k) * height / Double(steps))), ("width", "18"),
        ("height", number(height / Double(steps) + 0.3)), ("fill", ColourMap(view.colourMap).colour(at: t).hex),
      ])
    }
    for t in [1.0, 0.75, 0.5, 0.25, 0] {
      let ty = y + (1 - t) * height
      svg.element("line", [("x1", number(x + 18)), ("y1", number(ty)), ("x2", number(x + 23)), ("y2", number(ty)), ("stroke", "#9a9aa6")])
      svg.element("text", [("x", number(x + 27)), ("y", number(ty + 4)), ("fill", "#c8c8d0"), ("font-size", "11")], text: compactNumber(scale.value(atLevel: t)))
    }
    svg.element("text", [("x", number(x)), ("y", number(y + height + 18)), ("fill", "#9a9aa6"), ("font-size", "11")], text: "loss (\(scale.scale.rawValue) scale)")
    svg.close("g")
  }
}

/// A number for an SVG attribute: rounded to two decimals (a hundredth of
/// a pixel is finer than any screen) and written as `exactNumber` writes
/// it; -0 as 0, and 0 for NaN and the infinities, which SVG has no
/// spelling for.
func number(_ v: Double) -> String {
  guard v.isFinite else { return "0" }
  return exactNumber((v * 100).rounded() / 100 + 0)
}

/// Writes XML elements with escaped attributes and text.
struct SVGWriter {
  private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  private var depth = 0

  mutating func open(_ name: String, _ attributes: [(String, String)]) {
    output += indent + "<\(name)\(Self.attributes(attributes))>\n"
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    output += indent + "</\(name)>\n"
  }

  mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil, children: ((inout SVGWriter) -> Void)? = nil) {
    if let children {
      open(name, attributes)
      children(&self)
      close(name)
    } else if let text {
      output += indent + "<\(name)\(Self.attributes(attributes))>\(Self.escape(text))</\(name)>\n"
    } else {
      output += indent + "<\(name)\(Self.attributes(attributes))/>\n"
    }
  }

  private var indent: String { String(repeating: " ", count: depth) }

  private static func attributes(_ list: [(String, String)]) -> String {
    list.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
  }

  /// XML's five special characters as entities, and the characters XML
  /// 1.0 forbids (C0 controls, U+FFFE, U+FFFF) shown escaped as everywhere
  /// else (`\u{1B}`, `escapingControlCharacters`), so that a scene's title
  /// cannot make the picture ill-formed.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text.escapingControlCharacters() {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }
}
